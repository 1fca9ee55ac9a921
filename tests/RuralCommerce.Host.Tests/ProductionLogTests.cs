using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using RuralCommerce.TestSupport;
using Xunit;

namespace RuralCommerce.Host.Tests;

/// <summary>The published host's log as a production machine writes it (journald keeps one JSON object per line).</summary>
[Collection(nameof(RealServers))]
public sealed class ProductionLogTests
{
    private const string AdminPhone = "+8613700000009";

    [Fact]
    public async Task Outside_Development_every_log_line_is_one_JSON_event_with_the_trace_id_and_no_full_phone_number()
    {
        using var data = new TempDirectory();
        var port = RealServers.FreePort();
        var lines = new ConcurrentQueue<string>();
        using var host = RealServers.StartHost(
            lines, "--environment", "Production", "--urls", $"http://127.0.0.1:{port}",
            "--Jwt:SigningKey", Convert.ToBase64String(Enumerable.Range(0, 48).Select(i => (byte)(i * 5 + 1)).ToArray()),
            "--Sms:Provider", "Http", "--Sms:Http:Endpoint", "https://sms.example.cn/send", "--Sms:Http:ApiKey", "key",
            "--Database:DataDirectory", Path.Combine(data.Path, "data"), "--Backup:Directory", Path.Combine(data.Path, "backups"),
            "--Access:BootstrapAdmin:Phone", AdminPhone, "--Access:BootstrapAdmin:Password", "Admin-of-the-platform-1",
            "--Logging:LogLevel:Microsoft.AspNetCore.Hosting.Diagnostics", "Information");
        try
        {
            using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
            await RealServers.WaitUntilAnswersAsync(
                client, new Uri(client.BaseAddress, "/health/ready"), () => $"the host starts: {string.Join(Environment.NewLine, lines)}", TimeSpan.FromSeconds(60));

            var traceId = ActivityTraceId.CreateRandom().ToString();
            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/health/live", UriKind.Relative));
            request.Headers.Add("traceparent", $"00-{traceId}-{ActivitySpanId.CreateRandom()}-01");
            await client.SendAsync(request);

            await Eventually.HoldsAsync(() => lines.Any(l => l.Contains(traceId, StringComparison.Ordinal)), "the request's log lines carry its trace id");
            foreach (var line in lines)
            {
                using var json = JsonDocument.Parse(line);
                Assert.True(json.RootElement.TryGetProperty("LogLevel", out _), line);
            }

            Assert.Contains("starting in the Production environment", lines.First(), StringComparison.Ordinal);
            Assert.Contains(lines, l => l.Contains("Platform administrator", StringComparison.Ordinal));
            Assert.DoesNotContain(lines, l => l.Contains(AdminPhone[3..], StringComparison.Ordinal));
        }
        finally
        {
            host.Kill(entireProcessTree: true);
            await host.WaitForExitAsync();
        }
    }

    /// <summary>
    /// The launch profile gives <c>dotnet run</c> Development only as a default (RURALCOMMERCE_LAUNCH_ENVIRONMENT),
    /// which an operator's ASPNETCORE_ENVIRONMENT, DOTNET_ENVIRONMENT or <c>--environment</c> overrides: it must never
    /// set either variable itself, or <c>ASPNETCORE_ENVIRONMENT=Production dotnet run</c> starts in Development.
    /// </summary>
    [Theory]
    [InlineData("Production", null, "Production")]
    [InlineData(null, null, "Development")]
    [InlineData(null, "Production", "Production")]
    public async Task The_launch_profiles_default_yields_to_an_environment_the_operator_chose(string? variable, string? argument, string expected)
    {
        using var data = new TempDirectory();
        var lines = new ConcurrentQueue<string>();
        string[] arguments = ["--urls", "http://127.0.0.1:0", "--Database:DataDirectory", Path.Combine(data.Path, "data")];
        using var host = RealServers.StartHost(
            lines,
            new Dictionary<string, string?> { ["RURALCOMMERCE_LAUNCH_ENVIRONMENT"] = "Development", ["ASPNETCORE_ENVIRONMENT"] = variable, ["DOTNET_ENVIRONMENT"] = null },
            argument is null ? arguments : [.. arguments, "--environment", argument]);
        try
        {
            await Eventually.HoldsAsync(() => lines.Any(l => l.Contains("RuralCommerce is starting in the", StringComparison.Ordinal)),
                "the host names its environment", TimeSpan.FromSeconds(60));

            Assert.Contains($"starting in the {expected} environment", lines.First(l => l.Contains("RuralCommerce is starting", StringComparison.Ordinal)), StringComparison.Ordinal);
        }
        finally
        {
            RealServers.Stop(host);
        }
    }

    [Fact]
    public void The_launch_profile_never_overrides_the_environment_an_operator_gives()
    {
        using var settings = JsonDocument.Parse(File.ReadAllText(
            Path.Combine(SolutionModules.RepositoryRoot, "src", "Host", "RuralCommerce.Host", "Properties", "launchSettings.json")));

        foreach (var profile in settings.RootElement.GetProperty("profiles").EnumerateObject())
        {
            var variables = profile.Value.TryGetProperty("environmentVariables", out var v) ? v.EnumerateObject().Select(p => p.Name).ToList() : [];
            Assert.DoesNotContain("ASPNETCORE_ENVIRONMENT", variables);
            Assert.DoesNotContain("DOTNET_ENVIRONMENT", variables);
            Assert.Contains("RURALCOMMERCE_LAUNCH_ENVIRONMENT", variables);
        }
    }
}
