using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using RuralCommerce.Orders;
using RuralCommerce.TestSupport;
using RuralCommerce.TestSupport.Orders;

namespace RuralCommerce.Benchmarks;

/// <summary>
/// How soon the host's live tally hears an order, against the real host over HTTP (Kestrel on loopback, SQLite files):
/// <c>dotnet run -c Release --project tests/RuralCommerce.Benchmarks -- tally-latency [orders] [busy buyers]</c>.
/// The host's tally stream is open; one buyer places livestream orders one at a time (100 by default) and each is timed
/// from its 201 to the first tally that counts it. Meanwhile busy buyers (8 by default) place shop orders as fast as they
/// can, so the database writer is as busy as in a burst without touching the event's count. Target: p99 under a second.
/// </summary>
internal static class TallyLatencyLoad
{
    public static async Task<int> RunAsync(string[] args)
    {
        var samples = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 100;
        var busyBuyers = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 8;
        HostContentRoot.Point();
        using var factory = new BurstFactory();
        factory.UseKestrel(0);
        factory.StartServer();
        var (cooperativeId, eventId, products, host) = await OrderBurstLoad.LiveEventAsync(factory, 1_000_000m);
        var buyers = await Task.WhenAll(Enumerable.Range(0, busyBuyers + 1).Select(i => factory.NewVerifiedPersonAsync($"Buyer {i}")));
        using var http = new HttpClient { BaseAddress = factory.ClientOptions.BaseAddress, Timeout = Timeout.InfiniteTimeSpan };

        using var stream = await OpenStreamAsync(http, host, OrdersApiPaths.Url(OrdersApiPaths.LiveTallyStream, cooperativeId, eventId));
        using var stop = new CancellationTokenSource();
        var busy = buyers.Skip(1).Select(b => Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                await PlaceAsync(http, b.Session.AccessToken, OrdersApi.Buy(products[^1], 1m));
            }
        })).ToList();
        var heard = await stream.NextAsync();

        var latencies = new List<double>(samples);
        for (var i = 0; i < samples; i++)
        {
            await PlaceAsync(http, buyers[0].Session.AccessToken, OrdersApi.Buy(products[0], 1m, livestreamId: eventId));
            var placed = Stopwatch.GetTimestamp();
            while (heard.Orders < i + 1)
            {
                heard = await stream.NextAsync();
            }

            latencies.Add(Stopwatch.GetElapsedTime(placed).TotalMilliseconds);
        }

        await stop.CancelAsync();
        await Task.WhenAll(busy);
        latencies.Sort();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{samples} livestream orders heard on the tally stream while {busyBuyers} buyers placed shop orders: " +
            $"p50 {OrderBurstLoad.Percentile(latencies, 0.50):0} ms, p99 {OrderBurstLoad.Percentile(latencies, 0.99):0} ms, max {latencies[^1]:0} ms after the 201"));
        return OrderBurstLoad.Percentile(latencies, 0.99) < 1000 ? 0 : 1;
    }

    private static async Task PlaceAsync(HttpClient http, string token, object order)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, OrdersApiPaths.Url(OrdersApiPaths.Orders)) { Content = JsonContent.Create(order) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        using var response = await http.SendAsync(request);
        response.EnsureSuccessStatusCode();
    }

    private static async Task<TallyReader> OpenStreamAsync(HttpClient http, string token, string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        response.EnsureSuccessStatusCode();
        return new TallyReader(response, new StreamReader(await response.Content.ReadAsStreamAsync()));
    }

    private sealed record Tally(int Orders);

    /// <summary>Reads the <c>data:</c> of each server-sent event.</summary>
    private sealed class TallyReader(HttpResponseMessage response, StreamReader reader) : IDisposable
    {
        public async Task<Tally> NextAsync()
        {
            while (await reader.ReadLineAsync() is { } line)
            {
                if (line.StartsWith("data: ", StringComparison.Ordinal))
                {
                    return JsonSerializer.Deserialize<Tally>(line["data: ".Length..], JsonSerializerOptions.Web)!;
                }
            }

            throw new InvalidOperationException("The stream ended.");
        }

        public void Dispose()
        {
            reader.Dispose();
            response.Dispose();
        }
    }
}
