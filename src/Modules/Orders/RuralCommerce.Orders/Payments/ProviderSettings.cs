using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace RuralCommerce.Orders.Payments;

/// <summary>
/// The platform's credentials at WeChat Pay (<c>Orders:WeChatPay</c>), as its service provider: issued by the WeChat
/// Pay partner platform (服务商平台) and the official account. Keys are files the host reads; the API v3 key is a secret
/// setting (an environment variable). None of them is ever stored in the database or written to a log.
/// </summary>
internal sealed class WeChatPaySettings
{
    /// <summary>The service provider's merchant number (<c>sp_mchid</c>).</summary>
    public string? MerchantId { get; set; }

    /// <summary>The official account's AppID (<c>sp_appid</c>) the buyers' openids belong to.</summary>
    public string? AppId { get; set; }

    /// <summary>The official account's AppSecret, to learn a buyer's openid (silent <c>snsapi_base</c> authorisation).</summary>
    public string? AppSecret { get; set; }

    /// <summary>The serial number of the merchant API certificate whose private key signs the requests.</summary>
    public string? CertificateSerial { get; set; }

    /// <summary>The merchant API private key (<c>apiclient_key.pem</c>).</summary>
    public string? PrivateKeyFile { get; set; }

    /// <summary>The API v3 key (32 characters) that seals notifications' resources.</summary>
    public string? ApiV3Key { get; set; }

    /// <summary>The WeChat Pay public key's id (<c>PUB_KEY_ID_…</c>), named by <c>Wechatpay-Serial</c> on what WeChat Pay signs.</summary>
    public string? PlatformPublicKeyId { get; set; }

    /// <summary>The WeChat Pay public key (<c>pub_key.pem</c>), or a platform certificate.</summary>
    public string? PlatformPublicKeyFile { get; set; }

    /// <summary>Where WeChat Pay posts notifications: this host's <c>/api/orders/payments/wechatpay/notify</c>, over https.</summary>
    public string? NotifyUrl { get; set; }

    public string ApiBaseAddress { get; set; } = "https://api.mch.weixin.qq.com";

    public bool IsSet => new[] { MerchantId, AppId, AppSecret, CertificateSerial, PrivateKeyFile, ApiV3Key, PlatformPublicKeyId, PlatformPublicKeyFile, NotifyUrl }
        .Any(v => !string.IsNullOrWhiteSpace(v));

    /// <summary>What is missing or wrong, each naming its setting and never its value; empty when not set at all.</summary>
    public IEnumerable<string> Problems()
    {
        if (!IsSet)
        {
            yield break;
        }

        const string Section = "Orders:WeChatPay";
        if (string.IsNullOrWhiteSpace(MerchantId) || !MerchantId.Trim().All(char.IsAsciiDigit))
        {
            yield return $"{Section}:MerchantId is missing or not a merchant number (digits).";
        }

        foreach (var (name, value) in new[] { ("AppId", AppId), ("AppSecret", AppSecret), ("CertificateSerial", CertificateSerial), ("PlatformPublicKeyId", PlatformPublicKeyId) })
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                yield return $"{Section}:{name} is missing.";
            }
        }

        if (Encoding.UTF8.GetByteCount(ApiV3Key ?? "") != 32)
        {
            yield return $"{Section}:ApiV3Key is missing or not 32 characters (set it in the partner platform's API security page).";
        }

        if (ProviderKeys.PrivateKeyProblem($"{Section}:PrivateKeyFile", PrivateKeyFile) is { } privateKey)
        {
            yield return privateKey;
        }

        if (ProviderKeys.PublicKeyProblem($"{Section}:PlatformPublicKeyFile", PlatformPublicKeyFile) is { } publicKey)
        {
            yield return publicKey;
        }

        if (ProviderKeys.HttpsProblem($"{Section}:NotifyUrl", NotifyUrl) is { } notify)
        {
            yield return notify;
        }
    }
}

/// <summary>
/// The platform's Alipay app (<c>Orders:Alipay</c>), a third-party app each cooperative authorises: its AppID, its
/// private key and Alipay's public key (files), and the notification address. Each cooperative's
/// <c>app_auth_token</c> comes from its authorisation, not from here.
/// </summary>
internal sealed class AlipaySettings
{
    public string? AppId { get; set; }

    /// <summary>The app's RSA2 private key (PEM).</summary>
    public string? PrivateKeyFile { get; set; }

    /// <summary>Alipay's public key for the app (PEM), which verifies answers and notifications.</summary>
    public string? AlipayPublicKeyFile { get; set; }

    /// <summary>Where Alipay posts notifications: this host's <c>/api/orders/payments/alipay/notify</c>, over https.</summary>
    public string? NotifyUrl { get; set; }

    public string Gateway { get; set; } = "https://openapi.alipay.com/gateway.do";

    public bool IsSet => new[] { AppId, PrivateKeyFile, AlipayPublicKeyFile, NotifyUrl }.Any(v => !string.IsNullOrWhiteSpace(v));

    public IEnumerable<string> Problems()
    {
        if (!IsSet)
        {
            yield break;
        }

        const string Section = "Orders:Alipay";
        if (string.IsNullOrWhiteSpace(AppId) || !AppId.Trim().All(char.IsAsciiDigit))
        {
            yield return $"{Section}:AppId is missing or not an Alipay AppID (digits).";
        }

        if (ProviderKeys.PrivateKeyProblem($"{Section}:PrivateKeyFile", PrivateKeyFile) is { } privateKey)
        {
            yield return privateKey;
        }

        if (ProviderKeys.PublicKeyProblem($"{Section}:AlipayPublicKeyFile", AlipayPublicKeyFile) is { } publicKey)
        {
            yield return publicKey;
        }

        if (ProviderKeys.HttpsProblem($"{Section}:NotifyUrl", NotifyUrl) is { } notify)
        {
            yield return notify;
        }
    }
}

/// <summary>Reads the providers' PEM files: RSA private keys, public keys or certificates.</summary>
internal static class ProviderKeys
{
    public static RSA PrivateKey(string path)
    {
        var key = RSA.Create();
        key.ImportFromPem(File.ReadAllText(path));
        return HasPrivatePart(key) ? key : throw new CryptographicException("Not a private key.");
    }

    public static RSA PublicKey(string path)
    {
        var pem = File.ReadAllText(path);
        if (pem.Contains("BEGIN CERTIFICATE", StringComparison.Ordinal))
        {
            return X509Certificate2.CreateFromPem(pem).GetRSAPublicKey() ?? throw new CryptographicException("Not an RSA certificate.");
        }

        var key = RSA.Create();
        key.ImportFromPem(pem);
        return key;
    }

    public static string? PrivateKeyProblem(string setting, string? path) => KeyProblem(setting, path, "an RSA private key (PEM)", p => PrivateKey(p).Dispose());

    public static string? PublicKeyProblem(string setting, string? path) => KeyProblem(setting, path, "an RSA public key or certificate (PEM)", p => PublicKey(p).Dispose());

    public static string? HttpsProblem(string setting, string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps
            ? null
            : $"{setting} is missing or not an https address (the providers post only to https).";

    private static string? KeyProblem(string setting, string? path, string what, Action<string> load)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            return $"{setting} is missing.";
        }

        try
        {
            load(path);
            return null;
        }
        catch (Exception failure) when (failure is IOException or UnauthorizedAccessException or CryptographicException or ArgumentException)
        {
            return $"{setting} ({path}) cannot be read as {what}.";
        }
    }

    private static bool HasPrivatePart(RSA key)
    {
        try
        {
            return key.ExportParameters(includePrivateParameters: true).D is not null;
        }
        catch (CryptographicException)
        {
            return false;
        }
    }
}
