using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace RuralCommerce.Orders.Payments.WeChatPay;

/// <summary>
/// WeChat Pay API v3's signature, <c>WECHATPAY2-SHA256-RSA2048</c>: SHA256withRSA (PKCS #1 v1.5, Base64) over lines each
/// ended by a newline. The merchant signs its requests and the JSAPI invocations it hands to the buyer's WeChat with its
/// private key; WeChat Pay signs its answers and notifications with its platform key.
/// </summary>
internal static class WeChatPaySignature
{
    public const string Scheme = "WECHATPAY2-SHA256-RSA2048";

    /// <summary>The <c>Authorization</c> header of a request: method, path with query, timestamp, nonce and body, signed.</summary>
    public static string Authorization(
        RSA merchantKey, string merchantId, string certificateSerial, string method, string pathAndQuery, string body, long timestamp, string nonce)
    {
        var time = timestamp.ToString(CultureInfo.InvariantCulture);
        var signature = Sign(merchantKey, method, pathAndQuery, time, nonce, body);
        return $"{Scheme} mchid=\"{merchantId}\",nonce_str=\"{nonce}\",timestamp=\"{time}\",serial_no=\"{certificateSerial}\",signature=\"{signature}\"";
    }

    public static string Sign(RSA key, params string[] lines) =>
        Convert.ToBase64String(key.SignData(Encoding.UTF8.GetBytes(string.Concat(lines.Select(l => l + "\n"))), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));

    /// <summary>Whether <paramref name="signature"/> is the key's signature of an answer or notification: timestamp, nonce and the raw body.</summary>
    public static bool IsSignatureOf(RSA key, string signature, string timestamp, string nonce, ReadOnlySpan<byte> body)
    {
        var head = Encoding.UTF8.GetBytes($"{timestamp}\n{nonce}\n");
        var message = new byte[head.Length + body.Length + 1];
        head.CopyTo(message, 0);
        body.CopyTo(message.AsSpan(head.Length));
        message[^1] = (byte)'\n';
        var bytes = new byte[key.KeySize / 8];
        return Convert.TryFromBase64String(signature, bytes, out var written)
            && key.VerifyData(message, bytes.AsSpan(0, written), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
    }

    /// <summary>A nonce of 32 letters and digits, as the API's own examples use.</summary>
    public static string Nonce() => RandomNumberGenerator.GetString("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789", 32);
}
