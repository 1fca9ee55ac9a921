using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using RuralCommerce.Shared.Infrastructure.Observability;
using RuralCommerce.TestSupport;
using RuralCommerce.TestSupport.Cooperatives;
using Xunit;

namespace RuralCommerce.Host.Tests;

public sealed class ObservabilityTests
{
    private const string ScrapeToken = "scrape-token-for-the-tests";

    [Fact]
    public async Task Metrics_are_closed_unless_a_scraper_is_configured()
    {
        await using var host = new ApiFactory();

        var response = await host.CreateClient().GetAsync(new Uri("/metrics", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Theory]
    [InlineData(null, null, HttpStatusCode.Unauthorized)]
    [InlineData("wrong-token", null, HttpStatusCode.Unauthorized)]
    [InlineData(ScrapeToken, null, HttpStatusCode.OK)]
    [InlineData(null, "10.1.2.3", HttpStatusCode.OK)]
    [InlineData(null, "10.2.0.1", HttpStatusCode.Unauthorized)]
    public async Task Metrics_open_to_the_configured_token_or_networks_only(string? token, string? clientAddress, HttpStatusCode expected)
    {
        await using var host = new ConfiguredHost(new Dictionary<string, string>
        {
            ["Metrics:ScrapeToken"] = ScrapeToken,
            ["Metrics:AllowedNetworks:0"] = "10.1.0.0/16",
        });
        var client = host.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/metrics", UriKind.Relative));
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        if (clientAddress is not null)
        {
            request.Headers.Add(ApiFactory.ClientAddressHeader, clientAddress);
        }

        // Something for the meters to count first.
        await client.GetAsync(new Uri("/health/ready", UriKind.Relative));
        var response = await client.SendAsync(request);

        Assert.Equal(expected, response.StatusCode);
        if (expected == HttpStatusCode.OK)
        {
            var text = await response.Content.ReadAsStringAsync();
            Assert.Contains("ruralcommerce_outbox_pending", text, StringComparison.Ordinal);
            Assert.Contains("http_server_request_duration_seconds", text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task An_events_delivery_is_traced_in_the_trace_of_the_request_that_published_it()
    {
        var spans = new ConcurrentBag<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = _ => true,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = spans.Add,
        };
        ActivitySource.AddActivityListener(listener);
        await using var host = new ApiFactory();
        var traceId = ActivityTraceId.CreateRandom();
        var client = host.CreateAdminClient();
        client.DefaultRequestHeaders.Add("traceparent", $"00-{traceId}-{ActivitySpanId.CreateRandom()}-01");
        var (phone, _) = await host.NewVerifiedPersonAsync("Wang Fang");

        await new CooperativesApi(client).RegisterCooperative(CooperativeScenario.Registration(phone));

        await Eventually.HoldsAsync(
            () => spans.Any(s => s.TraceId == traceId && s.Source == Telemetry.Outbox && s.DisplayName == "deliver CooperativeRegisteredIntegrationEvent"),
            "the delivery of the event the request published is a span of its trace");
        var delivery = spans.First(s => s.TraceId == traceId && s.Source == Telemetry.Outbox);
        Assert.Equal(ActivityKind.Consumer, delivery.Kind);
        Assert.Equal("Cooperatives", delivery.GetTagItem("ruralcommerce.module"));
        // The handlers' database work is traced inside the delivery.
        await Eventually.HoldsAsync(
            () => spans.Any(s => s.ParentSpanId == delivery.SpanId && s.Source != Telemetry.Outbox), "the handlers' queries are children of the delivery");
    }
}
