using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RuralCommerce.Shared.Infrastructure.Messaging;
using RuralCommerce.SharedKernel;
using RuralCommerce.TestSupport;

namespace RuralCommerce.Shared.Infrastructure.Tests;

/// <summary>The real SMS sender against a fake gateway on this machine's loopback, and what each sender writes to the log.</summary>
public sealed class SmsSenderTests : IAsyncLifetime
{
    private const string Code = "482913";
    private static readonly PhoneNumber Phone = PhoneNumber.Parse("+8613912345678");
    private readonly ConcurrentQueue<(string? Authorization, string? IdempotencyKey, JsonElement Body)> _received = new();
    private readonly CapturingLoggerProvider _logs = new();
    private WebApplication _gateway = null!;
    private int _failuresToServe;
    private HttpStatusCode _failureStatus = HttpStatusCode.ServiceUnavailable;

    private string GatewayAddress =>
        _gateway.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        _gateway = builder.Build();
        _gateway.MapPost("/send", async (HttpContext context) =>
        {
            var body = await JsonSerializer.DeserializeAsync<JsonElement>(context.Request.Body);
            _received.Enqueue((context.Request.Headers.Authorization, context.Request.Headers["Idempotency-Key"], body));
            return Interlocked.Decrement(ref _failuresToServe) >= 0 ? Results.StatusCode((int)_failureStatus) : Results.Ok(new { accepted = true });
        });
        await _gateway.StartAsync();
    }

    public async Task DisposeAsync() => await _gateway.DisposeAsync();

    [Fact]
    public async Task The_gateway_receives_the_number_the_text_and_the_api_key()
    {
        await Sender().SendAsync(Phone, $"Your code is {Code}.", CancellationToken.None);

        var (authorization, _, body) = Assert.Single(_received);
        Assert.Equal("Bearer test-api-key", authorization);
        Assert.Equal("+8613912345678", body.GetProperty("to").GetString());
        Assert.Equal($"Your code is {Code}.", body.GetProperty("text").GetString());
        AssertLogsHoldNeitherCodeNorWholeNumber();
    }

    [Fact]
    public async Task A_failing_gateway_is_retried_with_the_same_message_id()
    {
        _failuresToServe = 2;

        await Sender().SendAsync(Phone, $"Your code is {Code}.", CancellationToken.None);

        Assert.Equal(3, _received.Count);
        Assert.Single(_received.Select(r => r.IdempotencyKey).Distinct());
        Assert.Single(_received.Select(r => r.Body.GetProperty("messageId").GetString()).Distinct());
    }

    [Fact]
    public async Task A_gateway_that_keeps_failing_is_a_delivery_failure_and_the_log_still_holds_no_code()
    {
        _failuresToServe = 100;
        _failureStatus = HttpStatusCode.BadRequest;

        await Assert.ThrowsAsync<SmsDeliveryException>(() => Sender().SendAsync(Phone, $"Your code is {Code}.", CancellationToken.None));

        Assert.Single(_received);
        Assert.Contains(_logs.Lines, l => l.Level == LogLevel.Error && l.Message.Contains("+86 139****5678", StringComparison.Ordinal));
        AssertLogsHoldNeitherCodeNorWholeNumber();
    }

    [Fact]
    public async Task An_unreachable_gateway_is_a_delivery_failure()
    {
        var unreachable = $"{GatewayAddress}/send";
        await _gateway.StopAsync();

        await Assert.ThrowsAsync<SmsDeliveryException>(() => Sender(unreachable).SendAsync(Phone, $"Your code is {Code}.", CancellationToken.None));
        AssertLogsHoldNeitherCodeNorWholeNumber();
    }

    [Fact]
    public async Task The_development_sender_logs_the_code_with_the_number_masked()
    {
        var sender = new LoggingSmsSender(new LoggerFactory([_logs]).CreateLogger<LoggingSmsSender>());

        await sender.SendAsync(Phone, $"Your code is {Code}.", CancellationToken.None);

        var line = Assert.Single(_logs.Lines).Message;
        Assert.Contains("+86 139****5678", line, StringComparison.Ordinal);
        Assert.Contains(Code, line, StringComparison.Ordinal);
        Assert.DoesNotContain("13912345678", line, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, null, null, true, true)]
    [InlineData(null, null, null, false, false)]
    [InlineData("Development", null, null, false, false)]
    [InlineData("Http", "https://sms.example/send", "key", false, true)]
    [InlineData("Http", null, "key", false, false)]
    [InlineData("Http", "https://sms.example/send", null, true, false)]
    [InlineData("Carrier-pigeon", null, null, true, false)]
    public void Outside_Development_only_a_configured_gateway_passes(string? provider, string? endpoint, string? apiKey, bool development, bool passes)
    {
        var options = new SmsOptions { Provider = provider, Http = new HttpSmsOptions { Endpoint = endpoint, ApiKey = apiKey } };

        Assert.Equal(passes, options.Problem(development) is null);
    }

    private HttpSmsSender Sender(string? endpoint = null)
    {
        var options = Options.Create(new SmsOptions
        {
            Provider = SmsOptions.HttpProvider,
            Http = new HttpSmsOptions { Endpoint = endpoint ?? $"{GatewayAddress}/send", ApiKey = "test-api-key", Timeout = TimeSpan.FromSeconds(5) },
        });
        return new HttpSmsSender(new HttpClient(), options, new LoggerFactory([_logs]).CreateLogger<HttpSmsSender>());
    }

    private void AssertLogsHoldNeitherCodeNorWholeNumber()
    {
        Assert.NotEmpty(_logs.Lines);
        Assert.All(_logs.Lines, l =>
        {
            Assert.DoesNotContain(Code, l.Message, StringComparison.Ordinal);
            Assert.DoesNotContain("13912345678", l.Message, StringComparison.Ordinal);
        });
    }
}
