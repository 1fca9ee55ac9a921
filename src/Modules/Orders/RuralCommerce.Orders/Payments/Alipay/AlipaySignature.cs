using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace RuralCommerce.Orders.Payments.Alipay;

/// <summary>
/// Alipay's RSA2 signature: SHA256withRSA (PKCS #1 v1.5, Base64) over the parameters sorted by name (ordinal), empty
/// ones left out, written <c>name=value</c> and joined by <c>&amp;</c>. Requests are signed by the platform's app key; the
/// asynchronous notifications (without <c>sign</c> and <c>sign_type</c>) and the answers (the raw JSON of their
/// <c>…_response</c> member) are signed by Alipay's key.
/// </summary>
internal static class AlipaySignature
{
    public static string Content(IEnumerable<KeyValuePair<string, string>> parameters) =>
        string.Join('&', parameters.Where(p => p.Key.Length > 0 && !string.IsNullOrEmpty(p.Value)).OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={p.Value}"));

    public static string Sign(RSA key, string content) =>
        Convert.ToBase64String(key.SignData(Encoding.UTF8.GetBytes(content), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));

    public static bool IsSignatureOf(RSA key, string? signature, ReadOnlySpan<byte> content)
    {
        if (string.IsNullOrWhiteSpace(signature))
        {
            return false;
        }

        var bytes = new byte[key.KeySize / 8];
        return Convert.TryFromBase64String(signature.Trim(), bytes, out var written)
            && key.VerifyData(content, bytes.AsSpan(0, written), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
    }

    /// <summary>Whether a notification's parameters are Alipay's: everything but <c>sign</c> and <c>sign_type</c>, signed.</summary>
    public static bool IsAlipays(RSA alipayKey, IReadOnlyDictionary<string, string> notification) =>
        notification.TryGetValue("sign", out var signature)
        && IsSignatureOf(alipayKey, signature, Encoding.UTF8.GetBytes(Content(notification.Where(p => p.Key is not ("sign" or "sign_type")))));

    /// <summary>
    /// An answer's signed part: the raw JSON (as sent, spaces and escapes kept) of its <paramref name="member"/> (for
    /// <c>alipay.trade.query</c>, <c>alipay_trade_query_response</c>), or of <c>error_response</c>; and its <c>sign</c>.
    /// </summary>
    public static (byte[]? Content, string? Sign) SignedPart(byte[] answer, string member)
    {
        byte[]? content = null;
        string? sign = null;
        var reader = new Utf8JsonReader(answer);
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return (null, null);
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var name = reader.GetString();
                reader.Read();
                var start = (int)reader.TokenStartIndex;
                if (name == "sign" && reader.TokenType == JsonTokenType.String)
                {
                    sign = reader.GetString();
                }

                reader.Skip();
                if (name == member || (name == "error_response" && content is null))
                {
                    content = answer[start..(int)reader.BytesConsumed];
                }
            }
        }
        catch (JsonException)
        {
            return (null, null);
        }

        return (content, sign);
    }
}
