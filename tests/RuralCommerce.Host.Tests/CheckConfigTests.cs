using RuralCommerce.TestSupport;
using Xunit;

namespace RuralCommerce.Host.Tests;

/// <summary><c>RuralCommerce.Host check-config</c> as an operator runs it before the first start (the systemd unit does too).</summary>
public sealed class CheckConfigTests
{
    [Fact]
    public async Task A_production_configuration_with_everything_in_place_passes()
    {
        using var data = new TempDirectory();
        var (exitCode, output) = await CheckConfigAsync(
            "--Jwt:SigningKey", Convert.ToBase64String(Enumerable.Range(0, 48).Select(i => (byte)(i * 5 + 1)).ToArray()),
            "--Sms:Provider", "Http", "--Sms:Http:Endpoint", "https://sms.example.cn/send", "--Sms:Http:ApiKey", "key",
            "--Database:DataDirectory", Path.Combine(data.Path, "data"), "--Backup:Directory", Path.Combine(data.Path, "backups"),
            "--Metrics:ScrapeToken", "token", "--ReverseProxy:KnownProxies:0", "127.0.0.1");

        Assert.True(exitCode == 0, output);
        Assert.Contains("Configuration fit for production.", output, StringComparison.Ordinal);
        Assert.DoesNotContain("PROBLEM", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_problem_of_a_bad_configuration_is_listed_and_the_exit_code_says_so()
    {
        using var data = new TempDirectory();
        var (exitCode, output) = await CheckConfigAsync(
            "--Jwt:SigningKey", "password-password-password-password!",
            "--Database:DataDirectory", Path.Combine(data.Path, "data"), "--Backup:Enabled", "false",
            "--Orders:PaymentMethods", "WeChatPay,CashOnDelivery");

        Assert.Equal(1, exitCode);
        Assert.Contains("PROBLEM  Jwt:SigningKey is not random", output, StringComparison.Ordinal);
        Assert.Contains("PROBLEM  No SMS gateway", output, StringComparison.Ordinal);
        Assert.Contains("PROBLEM  Backups are not scheduled", output, StringComparison.Ordinal);
        Assert.Contains("PROBLEM  Orders:PaymentMethods offers WeChatPay, but no payment provider is configured", output, StringComparison.Ordinal);
        Assert.Contains("note     Metrics are closed", output, StringComparison.Ordinal);
        Assert.Contains("4 problem(s)", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Payment_provider_settings_name_what_is_missing_or_unreadable_and_never_print_a_secret()
    {
        using var data = new TempDirectory();
        using var appKey = System.Security.Cryptography.RSA.Create(2048);
        using var alipayKey = System.Security.Cryptography.RSA.Create(2048);
        var appKeyFile = Path.Combine(data.Path, "alipay-app.pem");
        var alipayKeyFile = Path.Combine(data.Path, "alipay-public.pem");
        await File.WriteAllTextAsync(appKeyFile, appKey.ExportPkcs8PrivateKeyPem());
        await File.WriteAllTextAsync(alipayKeyFile, alipayKey.ExportSubjectPublicKeyInfoPem());

        var (exitCode, output) = await CheckConfigAsync(
            "--Jwt:SigningKey", Convert.ToBase64String(Enumerable.Range(0, 48).Select(i => (byte)(i * 5 + 1)).ToArray()),
            "--Sms:Provider", "Http", "--Sms:Http:Endpoint", "https://sms.example.cn/send", "--Sms:Http:ApiKey", "key",
            "--Database:DataDirectory", Path.Combine(data.Path, "data"), "--Backup:Directory", Path.Combine(data.Path, "backups"),
            "--Orders:WeChatPay:MerchantId", "1900000001", "--Orders:WeChatPay:ApiV3Key", "too-short-secret-value",
            "--Orders:WeChatPay:PrivateKeyFile", Path.Combine(data.Path, "missing.pem"), "--Orders:WeChatPay:PlatformPublicKeyFile", appKeyFile,
            "--Orders:WeChatPay:NotifyUrl", "http://ruralcommerce.example/api/orders/payments/wechatpay/notify",
            "--Orders:Alipay:AppId", "2021000000000001", "--Orders:Alipay:PrivateKeyFile", appKeyFile, "--Orders:Alipay:AlipayPublicKeyFile", alipayKeyFile,
            "--Orders:Alipay:NotifyUrl", "https://ruralcommerce.example/api/orders/payments/alipay/notify");

        Assert.Equal(1, exitCode);
        foreach (var problem in new[]
        {
            "Orders:WeChatPay:AppId is missing", "Orders:WeChatPay:AppSecret is missing", "Orders:WeChatPay:CertificateSerial is missing",
            "Orders:WeChatPay:PlatformPublicKeyId is missing", "Orders:WeChatPay:ApiV3Key is missing or not 32 characters",
            "Orders:WeChatPay:PrivateKeyFile (", "Orders:WeChatPay:NotifyUrl is missing or not an https address",
        })
        {
            Assert.Contains("PROBLEM  " + problem, output, StringComparison.Ordinal);
        }

        // A private key's file also holds its public half, so it passes as a public key: only what cannot be read is a problem.
        Assert.DoesNotContain("Orders:Alipay", output, StringComparison.Ordinal);
        Assert.DoesNotContain("too-short-secret-value", output, StringComparison.Ordinal);
        Assert.Contains("7 problem(s)", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_production_host_with_problems_refuses_to_start_and_names_them()
    {
        using var data = new TempDirectory();
        var (exitCode, output) = await RealServers.RunHostAsync(
            "--environment", "Production", "--urls", "http://127.0.0.1:0",
            "--Jwt:SigningKey", Convert.ToBase64String(Enumerable.Range(0, 48).Select(i => (byte)(i * 5 + 1)).ToArray()),
            "--Sms:Provider", "Http", "--Sms:Http:Endpoint", "https://sms.example.cn/send", "--Sms:Http:ApiKey", "key",
            "--Database:DataDirectory", Path.Combine(data.Path, "data"), "--Backup:Enabled", "false");

        Assert.NotEqual(0, exitCode);
        Assert.Contains("Backups are not scheduled", output, StringComparison.Ordinal);
        Assert.Empty(Directory.Exists(Path.Combine(data.Path, "data")) ? Directory.GetFiles(Path.Combine(data.Path, "data"), "*.db") : []);
    }

    private static Task<(int ExitCode, string Output)> CheckConfigAsync(params string[] arguments) =>
        RealServers.RunHostAsync(["check-config", "--environment", "Production", .. arguments]);
}
