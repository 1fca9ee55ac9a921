using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Runtime;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using RuralCommerce.Catalog.Features.ScheduleLivestream;
using RuralCommerce.Cooperatives.Contracts;
using RuralCommerce.Orders.Domain.Livestreams;
using RuralCommerce.Orders.Persistence;
using RuralCommerce.Shared.Infrastructure.Outbox;
using RuralCommerce.Shared.Infrastructure.Persistence;
using RuralCommerce.TestSupport;
using RuralCommerce.TestSupport.Catalog;
using RuralCommerce.TestSupport.Orders;

namespace RuralCommerce.Benchmarks;

/// <summary>
/// A livestream burst against the real host over HTTP (Kestrel on loopback, SQLite files):
/// <c>dotnet run -c Release --project tests/RuralCommerce.Benchmarks -- order-burst [buyers] [seconds] [stock per product]</c>.
/// Signed-in buyers (32 by default) place one-line orders for four featured products of a live event, each with its own
/// Idempotency-Key, for 20 s after a 45 s warm-up (BURST_WARMUP seconds: under load the tiered JIT still compiled 6,000
/// methods in the 20 s after a 15 s warm-up, 1,200 after 45 s). The buyers are <c>wrk</c> in its own process when it is
/// installed (Debian's package), else HttpClient in this one (BURST_DRIVER=dotnet chooses it). Prints accepted orders/s,
/// p50/p99/max of every request, each write gate's share of the burst, units sold against stock and oversold units (must be 0).
/// BURST_FLOOR=1 measures the floor instead: every placement asks for 0 units, so the host answers 400 after all it does
/// before Orders' own work (rate limiting, the token, the session check, binding), and nothing is written.
/// BURST_DELIVERY=0 stops the outbox dispatcher once the live event is set up: the placements' cost without their
/// notifications' delivery (the outbox is left to fill).
/// </summary>
internal static class OrderBurstLoad
{
    private const int HotProducts = 4;
    private static readonly int WarmUpSeconds = int.Parse(Environment.GetEnvironmentVariable("BURST_WARMUP") ?? "45", CultureInfo.InvariantCulture);
    private static readonly bool Floor = Environment.GetEnvironmentVariable("BURST_FLOOR") == "1";

    /// <summary>The answer that counts as refused: 409 for stock in a burst, the 400 every request gets when measuring the floor.</summary>
    private static int RefusedStatus => Floor ? StatusCodes.Status400BadRequest : StatusCodes.Status409Conflict;

    public static async Task<int> RunAsync(string[] args)
    {
        var buyers = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 32;
        var seconds = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 20;
        var stock = args.Length > 3 ? decimal.Parse(args[3], CultureInfo.InvariantCulture) : 100_000m;
        HostContentRoot.Point();
        using var factory = new BurstFactory();
        factory.UseKestrel(0);
        factory.StartServer();
        var address = factory.ClientOptions.BaseAddress;

        var (_, eventId, products, _) = await LiveEventAsync(factory, stock);
        var delivering = Environment.GetEnvironmentVariable("BURST_DELIVERY") != "0";
        if (!delivering)
        {
            await factory.Services.GetServices<IHostedService>().OfType<OutboxDispatcher>().Single().StopAsync(CancellationToken.None);
        }

        var sessions = await Task.WhenAll(Enumerable.Range(0, buyers).Select(i => factory.NewVerifiedPersonAsync($"Buyer {i}")));
        var bodies = products.Select(p => Encoding.UTF8.GetBytes(JsonSerializer.Serialize(
            OrdersApi.Buy(p, Floor ? 0m : 1m, livestreamId: eventId), JsonSerializerOptions.Web))).ToArray();
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = buyers * 2 }) { BaseAddress = address };
        var place = new Uri(RuralCommerce.Orders.OrdersApiPaths.Url(RuralCommerce.Orders.OrdersApiPaths.Orders), UriKind.Relative);

        var tokens = sessions.Select(s => s.Session.AccessToken).ToArray();
        var useWrk = WrkBurst.Executable is not null && Environment.GetEnvironmentVariable("BURST_DRIVER") != "dotnet";
        Func<TimeSpan, bool, Task<BurstResult>> burst = useWrk
            ? (duration, warmUp) => WrkBurst.RunAsync(address!, place, tokens, bodies, duration, warmUp ? "warm-up" : "burst", RefusedStatus)
            : (duration, warmUp) => RunAsync(http, place, tokens, bodies, duration, warmUp);
        Console.WriteLine($"{(Floor ? "FLOOR (every placement refused 400 before Orders' work): " : "")}{(delivering ? "" : "NO DELIVERY (dispatcher stopped): ")}{buyers} buyers ({(useWrk ? "wrk, its own process" : "in-process HttpClient")}), {HotProducts} featured products with {stock:N0} each, {seconds} s after a {WarmUpSeconds} s warm-up, against {address}");
        await burst(TimeSpan.FromSeconds(WarmUpSeconds), true);
        using var allocations = Environment.GetEnvironmentVariable("BURST_ALLOCATIONS") == "1" ? new AllocationSampler() : null;
        allocations?.Recording = true;
        var gates = factory.Services.GetRequiredService<SqliteWriteGates>();
        var gatesBefore = gates.All.ToDictionary(g => g.Key, g => g.Value.Totals);
        var (jitted, jitTime) = (System.Runtime.JitInfo.GetCompiledMethodCount(), System.Runtime.JitInfo.GetCompilationTime());
        var (gen0, gen2, paused, allocated, cpu) = (GC.CollectionCount(0), GC.CollectionCount(2), GC.GetTotalPauseDuration(), GC.GetTotalAllocatedBytes(), Process.GetCurrentProcess().TotalProcessorTime);
        var result = await burst(TimeSpan.FromSeconds(seconds), false);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"process (host and load generator): CPU {(Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds / result.Elapsed.TotalSeconds:0.00} cores, " +
            $"allocated {(GC.GetTotalAllocatedBytes() - allocated) / 1024 / Math.Max(1, result.Accepted + result.Refused + result.Errors):N0} KB per request, " +
            $"GCs gen0 {GC.CollectionCount(0) - gen0}, gen2 {GC.CollectionCount(2) - gen2}, paused {(GC.GetTotalPauseDuration() - paused).TotalMilliseconds:N0} ms ({(GCSettings.IsServerGC ? "server" : "workstation")} GC), " +
            $"peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / 1024 / 1024:N0} MB, " +
            $"JIT compiled {System.Runtime.JitInfo.GetCompiledMethodCount() - jitted:N0} methods in {(System.Runtime.JitInfo.GetCompilationTime() - jitTime).TotalMilliseconds:N0} ms"));

        if (allocations is not null)
        {
            allocations.Recording = false;
            foreach (var (type, bytes) in allocations.Top(40))
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"allocated {bytes / 1024 / Math.Max(1, result.Accepted + result.Refused),6:N0} KB per request  {type}"));
            }
        }

        var accepted = result.Accepted;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"accepted {accepted:N0} orders in {result.Elapsed.TotalSeconds:0.0} s = {accepted / result.Elapsed.TotalSeconds:N0} orders/s; " +
            $"refused {(Floor ? "400 (the floor)" : "for stock")} {result.Refused:N0} = {result.Refused / result.Elapsed.TotalSeconds:N0}/s; errors {result.Errors:N0}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"latency p50 {result.P50:0.0} ms, p99 {result.P99:0.0} ms, max {result.Max:0.0} ms"));

        foreach (var (module, gate) in gates.All.Where(g => gatesBefore.ContainsKey(g.Key)).OrderBy(g => g.Key))
        {
            var (entries, waited, held) = gate.Totals;
            var (entriesBefore, waitedBefore, heldBefore) = gatesBefore[module];
            (entries, waited, held) = (entries - entriesBefore, waited - waitedBefore, held - heldBefore);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"write gate {module,-14} {entries,9:N0} writes, mean wait {waited.TotalMilliseconds / Math.Max(1, entries),6:0.00} ms, mean hold {held.TotalMilliseconds / Math.Max(1, entries),6:0.00} ms, held {held / result.Elapsed:P0} of the burst"));
        }

        var pendingAtEnd = await PendingAsync(factory);
        var drained = Stopwatch.StartNew();
        while (delivering && await PendingAsync(factory) > 0 && drained.Elapsed < TimeSpan.FromMinutes(5))
        {
            await Task.Delay(50);
        }

        if (!delivering)
        {
            // Placements still in flight when wrk stopped commit within this; then stock and orders are read as one state.
            await Task.Delay(TimeSpan.FromSeconds(1));
        }

        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OrdersDbContext>();
        var stockRows = await db.SellableProducts.AsNoTracking().Where(p => products.Contains(p.Id)).ToListAsync();
        var sold = stockRows.Sum(p => p.ReservedMilli) / 1000m;
        var oversold = stockRows.Sum(p => Math.Max(0, p.ReservedMilli - p.DeclaredMilli)) / 1000m;
        var orders = await db.Orders.CountAsync();
        var delivered = delivering
            ? string.Create(CultureInfo.InvariantCulture, $"all delivered {drained.Elapsed.TotalSeconds:0.0} s later")
            : "left undelivered (dispatcher stopped)";
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"units sold {sold:N0} of {stock * HotProducts:N0} in stock; orders stored {orders:N0}; oversold {oversold:N0}; outbox: {pendingAtEnd:N0} messages pending when the burst ended, {delivered}"));
        return oversold == 0 && result.Errors == 0 ? 0 : 1;
    }

    /// <summary>Messages the dispatcher has not delivered yet, in every module.</summary>
    private static async Task<int> PendingAsync(ApiFactory factory)
    {
        var pending = 0;
        foreach (var database in factory.Services.GetServices<ModuleDatabase>())
        {
            await using var scope = factory.Services.CreateAsyncScope();
            var context = (ModuleDbContext)scope.ServiceProvider.GetRequiredService(database.ContextType);
            pending += await context.OutboxMessages.CountAsync(m => m.ProcessedAt == null && m.ParkedAt == null);
        }

        return pending;
    }

    private static async Task<BurstResult> RunAsync(HttpClient http, Uri place, string[] tokens, byte[][] bodies, TimeSpan duration, bool warmUp)
    {
        var accepted = 0;
        var refused = 0;
        var errors = 0;
        var latencies = new List<double>[tokens.Length];
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(tokens.Select((token, buyer) => Task.Run(async () =>
        {
            var mine = latencies[buyer] = new List<double>(8192);
            for (var n = buyer; clock.Elapsed < duration; n++)
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, place) { Content = new ByteArrayContent(bodies[n % bodies.Length]) };
                request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
                request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
                var started = Stopwatch.GetTimestamp();
                using var response = await http.SendAsync(request);
                await response.Content.LoadIntoBufferAsync();
                mine.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                _ = response.StatusCode switch
                {
                    HttpStatusCode.Created => Interlocked.Increment(ref accepted),
                    var status when (int)status == RefusedStatus => Interlocked.Increment(ref refused),
                    _ => Report(ref errors, response, warmUp),
                };
            }
        })));
        var all = latencies.SelectMany(l => l).Order().ToList();
        return new BurstResult(accepted, refused, errors, Percentile(all, 0.50), Percentile(all, 0.99), all[^1], clock.Elapsed);
    }

    private static int Report(ref int errors, HttpResponseMessage response, bool warmUp)
    {
        if (Interlocked.Increment(ref errors) <= 3 && !warmUp)
        {
            Console.WriteLine($"unexpected {(int)response.StatusCode}: {response.Content.ReadAsStringAsync().GetAwaiter().GetResult()}");
        }

        return errors;
    }

    /// <summary>The rice-wine cooperative's live event with four featured products at livestream prices, once Orders knows it is on air; and its host's token.</summary>
    internal static async Task<(Guid CooperativeId, Guid EventId, Guid[] Products, string HostToken)> LiveEventAsync(ApiFactory factory, decimal stock)
    {
        var shop = await CatalogScenario.CreateAsync(factory, "孝感米酒合作社");
        var seller = await shop.AddSellerAsync("陈洁", "朱湖");
        var host = await shop.AddMemberAsync("刘洋", "朱湖", MemberRoles.LivestreamHost);
        var products = new Guid[HotProducts];
        for (var i = 0; i < HotProducts; i++)
        {
            products[i] = (await shop.ListedProductAsync(seller, CatalogTestData.RiceWine(price: 45.50m + i) with { Unit = "Bottle", NetContent = null }, stock)).ProductId;
        }

        var eventId = (await host.Catalog.ScheduleLivestream(shop.CooperativeId, new LivestreamPlanRequest(
            "孝感米酒直播夜", DateTimeOffset.UtcNow, DateTimeOffset.UtcNow.AddHours(4), "Douyin", null))).Body.EventId;
        foreach (var product in products)
        {
            await host.Catalog.Feature(shop.CooperativeId, eventId, product, livestreamPrice: 39.90m);
        }

        await host.Catalog.StartLivestream(shop.CooperativeId, eventId);
        await Eventually.HoldsAsync(async () =>
        {
            await using var scope = factory.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<OrdersDbContext>();
            return await db.LiveEvents.AnyAsync(e => e.Id == eventId && e.Status == LiveEventStatus.Live)
                && await db.LiveOffers.CountAsync(o => o.LivestreamId == eventId && o.Featured) == HotProducts
                && await db.SellableProducts.CountAsync(p => products.Contains(p.Id) && p.DeclaredMilli == (long)(stock * 1000)) == HotProducts;
        }, "Orders knows the live event, its offers and the stock");
        return (shop.CooperativeId, eventId, products, host.Session.AccessToken);
    }

    internal static double Percentile(List<double> sorted, double p) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];
}

/// <summary>The host with its log at Warning, as an operator runs a busy one; BURST_SETTINGS="Key=Value;…" adds settings for experiments.</summary>
internal sealed class BurstFactory : ApiFactory
{
    protected override IReadOnlyDictionary<string, string> Settings { get; } =
        (Environment.GetEnvironmentVariable("BURST_SETTINGS") ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split('=', 2)).Prepend(["Logging:LogLevel:Default", "Warning"]).ToDictionary(pair => pair[0], pair => pair[1]);

    // The dispatcher stopped on its own (BURST_DELIVERY=0) ends with its token cancelled, which would stop the host.
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        if (Environment.GetEnvironmentVariable("BURST_DELIVERY") == "0")
        {
            builder.ConfigureServices(services => services.Configure<HostOptions>(o => o.BackgroundServiceExceptionBehavior = BackgroundServiceExceptionBehavior.Ignore));
        }
    }
}

/// <summary>Run as a plain program, the factory needs to be told where the host's content root is.</summary>
internal static class HostContentRoot
{
    public static void Point()
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "RuralCommerce.sln")))
        {
            root = root.Parent;
        }

        Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_RURALCOMMERCE_HOST", Path.Combine(root!.FullName, "src", "Host", "RuralCommerce.Host"));
    }
}
