using System.Net;
using Polly;
using Polly.Retry;

namespace RuralCommerce.Orders.Payments;

/// <summary>
/// How a payment provider's API is called: each attempt gets <see cref="AttemptTimeout"/>; a broken connection, a timeout,
/// 5xx or 429 is retried three times with backoff. Safe only because every call names its payment or refund by our own
/// number (<c>out_trade_no</c>, <c>out_refund_no</c>, <c>out_request_no</c>), which the providers keep idempotent.
/// </summary>
internal static class ProviderRetry
{
    public static readonly TimeSpan AttemptTimeout = TimeSpan.FromSeconds(10);

    private static readonly ResiliencePipeline<HttpResponseMessage> Pipeline = new ResiliencePipelineBuilder<HttpResponseMessage>()
        .AddRetry(new RetryStrategyOptions<HttpResponseMessage>
        {
            MaxRetryAttempts = 3,
            Delay = TimeSpan.FromMilliseconds(200),
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            ShouldHandle = new PredicateBuilder<HttpResponseMessage>()
                .Handle<HttpRequestException>()
                .Handle<TimeoutException>()
                .HandleResult(r => (int)r.StatusCode >= 500 || r.StatusCode == HttpStatusCode.TooManyRequests),
        })
        .Build();

    /// <summary>Sends a fresh request per attempt (<paramref name="request"/> builds it); the last failure is thrown as is.</summary>
    public static Task<HttpResponseMessage> SendAsync(HttpClient http, Func<HttpRequestMessage> request, string provider, CancellationToken cancellationToken) =>
        Pipeline.ExecuteAsync(
            async token =>
            {
                using var attempt = CancellationTokenSource.CreateLinkedTokenSource(token);
                attempt.CancelAfter(AttemptTimeout);
                using var message = request();
                try
                {
                    return await http.SendAsync(message, attempt.Token);
                }
                catch (OperationCanceledException timeout) when (!token.IsCancellationRequested)
                {
                    throw new TimeoutException($"{provider} did not answer in time.", timeout);
                }
            },
            cancellationToken).AsTask();
}
