using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace RuralCommerce.Orders.Payments.WeChatPay;

/// <summary>What a signed answer or notification from WeChat Pay turned out to be.</summary>
internal enum WeChatPayVerdict
{
    Authentic,

    /// <summary>A <c>Wechatpay-*</c> header is missing or malformed.</summary>
    Unsigned,

    /// <summary>Signed with a key this host does not know (rotated, or not WeChat Pay's).</summary>
    UnknownKey,

    /// <summary>Its timestamp is five minutes or more away from now: a replay, or a clock far off.</summary>
    Stale,

    /// <summary>The signature does not match the body.</summary>
    Forged,
}

/// <summary>
/// Checks that an answer or notification comes from WeChat Pay: its platform key (named by <c>Wechatpay-Serial</c>, a
/// platform certificate's serial or a WeChat Pay public key's id) signed <c>Wechatpay-Timestamp</c>,
/// <c>Wechatpay-Nonce</c> and the raw body, at most five minutes ago or ahead.
/// </summary>
internal sealed class WeChatPayPlatformKeys(IReadOnlyDictionary<string, RSA> keys, TimeProvider clock)
{
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(5);

    public WeChatPayVerdict Verify(string? serial, string? timestamp, string? nonce, string? signature, ReadOnlySpan<byte> body)
    {
        if (string.IsNullOrWhiteSpace(serial) || string.IsNullOrWhiteSpace(nonce) || string.IsNullOrWhiteSpace(signature)
            || !long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            return WeChatPayVerdict.Unsigned;
        }

        if (!keys.TryGetValue(serial.Trim(), out var key))
        {
            return WeChatPayVerdict.UnknownKey;
        }

        var away = (clock.GetUtcNow() - DateTimeOffset.FromUnixTimeSeconds(Math.Clamp(seconds, 0, 253_402_300_799))).Duration();
        if (away >= Window)
        {
            return WeChatPayVerdict.Stale;
        }

        return WeChatPaySignature.IsSignatureOf(key, signature.Trim(), timestamp!, nonce.Trim(), body) ? WeChatPayVerdict.Authentic : WeChatPayVerdict.Forged;
    }
}

/// <summary>A notification's <c>resource</c>, sealed with AEAD_AES_256_GCM under the merchant's API v3 key.</summary>
internal static class WeChatPayResource
{
    private const int TagBytes = 16;

    /// <summary>The resource's plaintext (JSON); null when it was altered or is not a sealed resource at all.</summary>
    public static string? Open(byte[] apiV3Key, string? nonce, string? associatedData, string? ciphertext)
    {
        if (nonce is null || ciphertext is null)
        {
            return null;
        }

        byte[] sealedBytes;
        try
        {
            sealedBytes = Convert.FromBase64String(ciphertext);
        }
        catch (FormatException)
        {
            return null;
        }

        var nonceBytes = Encoding.UTF8.GetBytes(nonce);
        if (sealedBytes.Length < TagBytes || nonceBytes.Length != AesGcm.NonceByteSizes.MaxSize)
        {
            return null;
        }

        var plaintext = new byte[sealedBytes.Length - TagBytes];
        try
        {
            using var aes = new AesGcm(apiV3Key, TagBytes);
            aes.Decrypt(nonceBytes, sealedBytes.AsSpan(0, plaintext.Length), sealedBytes.AsSpan(plaintext.Length), plaintext,
                Encoding.UTF8.GetBytes(associatedData ?? ""));
        }
        catch (AuthenticationTagMismatchException)
        {
            return null;
        }

        return Encoding.UTF8.GetString(plaintext);
    }
}
