using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Retry;
using RuralCommerce.SharedKernel;

namespace RuralCommerce.Shared.Infrastructure.Messaging;

/// <summary>
/// Texts through a provider's HTTP API. Retries transient failures with the same message id (so the gateway can drop
/// a duplicate), and never writes the text — which carries one-time codes — or the whole number to a log.
/// </summary>
internal sealed partial class HttpSmsSender(HttpClient http, IOptions<SmsOptions> options, ILogger<HttpSmsSender> logger) : ISmsSender
{
    private readonly ResiliencePipeline<HttpResponseMessage> _retry = new ResiliencePipelineBuilder<HttpResponseMessage>()
        .AddRetry(new RetryStrategyOptions<HttpResponseMessage>
        {
            MaxRetryAttempts = Math.Max(0, options.Value.Http.Retries),
            Delay = TimeSpan.FromMilliseconds(200),
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            ShouldHandle = new PredicateBuilder<HttpResponseMessage>()
                .Handle<HttpRequestException>()
                .Handle<AttemptTimedOutException>()
                .HandleResult(r => (int)r.StatusCode >= 500 || r.StatusCode == HttpStatusCode.TooManyRequests),
        })
        .Build();

    public async Task SendAsync(PhoneNumber to, string text, CancellationToken cancellationToken)
    {
        var settings = options.Value.Http;
        var messageId = Guid.CreateVersion7();
        HttpResponseMessage response;
        try
        {
            response = await _retry.ExecuteAsync(
                async token =>
                {
                    using var attempt = CancellationTokenSource.CreateLinkedTokenSource(token);
                    attempt.CancelAfter(settings.Timeout);
                    using var request = new HttpRequestMessage(HttpMethod.Post, settings.Endpoint)
                    {
                        Content = JsonContent.Create(new { to = to.Value, text, messageId }),
                    };
                    request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", settings.ApiKey);
                    request.Headers.Add("Idempotency-Key", messageId.ToString());
                    try
                    {
                        return await http.SendAsync(request, attempt.Token);
                    }
                    catch (OperationCanceledException timeout) when (!token.IsCancellationRequested)
                    {
                        throw new AttemptTimedOutException(timeout);
                    }
                },
                cancellationToken);
        }
        catch (Exception failure) when (failure is HttpRequestException or AttemptTimedOutException)
        {
            LogUnreachable(to.Masked, messageId, failure.GetType().Name);
            throw new SmsDeliveryException("The text message could not be sent. Try again in a moment.", failure);
        }

        using (response)
        {
            if (!response.IsSuccessStatusCode)
            {
                LogRefused(to.Masked, messageId, (int)response.StatusCode);
                throw new SmsDeliveryException("The text message could not be sent. Try again in a moment.");
            }
        }

        LogSent(to.Masked, messageId);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "SMS {MessageId} to {Phone} accepted by the gateway")]
    private partial void LogSent(string phone, Guid messageId);

    [LoggerMessage(Level = LogLevel.Error, Message = "SMS {MessageId} to {Phone} refused by the gateway with status {Status}")]
    private partial void LogRefused(string phone, Guid messageId, int status);

    [LoggerMessage(Level = LogLevel.Error, Message = "SMS {MessageId} to {Phone} not sent: gateway unreachable ({Failure})")]
    private partial void LogUnreachable(string phone, Guid messageId, string failure);

    /// <summary>One attempt ran out of time (not the caller's cancellation).</summary>
    private sealed class AttemptTimedOutException(Exception inner) : Exception("The SMS gateway did not answer in time.", inner);
}
