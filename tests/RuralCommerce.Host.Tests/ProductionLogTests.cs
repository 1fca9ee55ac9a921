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

            Assert.Contains(lines, l => l.Contains("Platform administrator", StringComparison.Ordinal));
            Assert.DoesNotContain(lines, l => l.Contains(AdminPhone[3..], StringComparison.Ordinal));
        }
        finally
        {
            host.Kill(entireProcessTree: true);
            await host.WaitForExitAsync();
        }
    }
}
