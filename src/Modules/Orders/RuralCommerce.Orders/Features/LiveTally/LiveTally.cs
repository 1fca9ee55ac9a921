using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RuralCommerce.Orders.Domain.Orders;
using RuralCommerce.Orders.Persistence;
using RuralCommerce.Shared.Infrastructure.Security;
using RuralCommerce.SharedKernel;

namespace RuralCommerce.Orders.Features.LiveTally;

internal sealed record LiveTallyProduct(Guid ProductId, string Name, string Unit, decimal Units, decimal Gmv);

/// <summary>A live event's sales so far (cancelled orders left out): orders, units of every product, and GMV in yuan.</summary>
internal sealed record LiveTallyResponse(Guid LivestreamId, int Orders, decimal Units, decimal Gmv, IReadOnlyList<LiveTallyProduct> Products, DateTimeOffset At);

/// <summary>The host's live tally while streaming: as JSON, and as a server-sent-events stream that follows every order.</summary>
internal static class LiveTallyEndpoints
{
    /// <summary>How often the stream looks for new orders: a tally reaches the host within a second of an order, on any host.</summary>
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(250);

    /// <summary>An unchanged tally is sent again this often, so proxies keep the connection and the page knows it is alive.</summary>
    private static readonly TimeSpan KeepAlive = TimeSpan.FromSeconds(15);

    public static void MapLiveTally(this IEndpointRouteBuilder group)
    {
        group.MapGet(OrdersApiPaths.LiveTally, GetAsync)
            .RequireAuthorization(AuthorizationPolicies.CooperativeLivestreamHost)
            .WithName("GetLiveTally")
            .WithSummary("A live event's sales so far: orders, units, GMV, and each product's share.")
            .WithDescription("The cooperative's livestream hosts. Cancelled orders are left out. An unknown event of the cooperative is 404.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet(OrdersApiPaths.LiveTallyStream, Stream)
            .RequireAuthorization(AuthorizationPolicies.CooperativeLivestreamHost)
            .WithName("StreamLiveTally")
            .WithSummary("The live tally as server-sent events (`event: tally`): sent at once, then within a second of each order.")
            .WithDescription("The cooperative's livestream hosts. Each event's data is the tally as JSON (as GET …/tally answers); an " +
                "unchanged tally is repeated every 15 s to keep the connection open. Reconnect after a drop: the first event is the current tally.")
            .Produces(StatusCodes.Status200OK, contentType: "text/event-stream")
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    /// <summary>The same stream for the host's tally page, signed in by the page's cookie (an EventSource sends no bearer token).</summary>
    public static void MapLiveTallyPageEvents(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet(OrdersApiPaths.LiveTallyEvents, Stream)
            .RequireAuthorization(AuthorizationPolicies.CooperativeLivestreamHost)
            .ExcludeFromDescription();

    internal static async Task<Ok<LiveTallyResponse>> GetAsync(
        Guid cooperativeId, Guid livestreamId, OrdersDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        await RequireEventAsync(db, cooperativeId, livestreamId, cancellationToken);
        return TypedResults.Ok(await TallyAsync(db, livestreamId, clock, cancellationToken));
    }

    internal static async Task<ServerSentEventsResult<LiveTallyResponse>> Stream(
        Guid cooperativeId, Guid livestreamId, OrdersDbContext db, IServiceScopeFactory scopes, TimeProvider clock, CancellationToken cancellationToken)
    {
        await RequireEventAsync(db, cooperativeId, livestreamId, cancellationToken);
        return TypedResults.ServerSentEvents(Tallies(scopes, livestreamId, clock, cancellationToken));
    }

    private static async IAsyncEnumerable<SseItem<LiveTallyResponse>> Tallies(
        IServiceScopeFactory scopes, Guid livestreamId, TimeProvider clock, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        LiveTallyResponse? last = null;
        while (!cancellationToken.IsCancellationRequested)
        {
            LiveTallyResponse tally;
            // A fresh context per look: a long-lived one would keep a connection (and, on SQLite, a read snapshot) open.
            await using (var scope = scopes.CreateAsyncScope())
            {
                tally = await TallyAsync(scope.ServiceProvider.GetRequiredService<OrdersDbContext>(), livestreamId, clock, cancellationToken);
            }

            if (last is null || !SameSales(last, tally) || tally.At - last.At >= KeepAlive)
            {
                last = tally;
                yield return new SseItem<LiveTallyResponse>(tally, "tally");
            }

            try
            {
                await Task.Delay(Poll, clock, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                yield break;
            }
        }
    }

    private static bool SameSales(LiveTallyResponse a, LiveTallyResponse b) => a.Orders == b.Orders && a.Units == b.Units && a.Gmv == b.Gmv;

    private static async Task RequireEventAsync(OrdersDbContext db, Guid cooperativeId, Guid livestreamId, CancellationToken cancellationToken)
    {
        if (!await db.LiveEvents.AnyAsync(e => e.Id == livestreamId && e.CooperativeId == cooperativeId, cancellationToken))
        {
            throw new NotFoundException("Livestream", livestreamId);
        }
    }

    private static async Task<LiveTallyResponse> TallyAsync(OrdersDbContext db, Guid livestreamId, TimeProvider clock, CancellationToken cancellationToken)
    {
        var orders = db.Orders.Where(o => o.LivestreamId == livestreamId && o.Status != OrderStatus.Cancelled);
        var count = await orders.CountAsync(cancellationToken);
        var products = await orders.SelectMany(o => o.Lines)
            .GroupBy(l => new { l.ProductId, l.ProductName, l.Unit })
            .Select(g => new { g.Key.ProductId, g.Key.ProductName, g.Key.Unit, Milli = g.Sum(l => l.QuantityMilli), Fen = g.Sum(l => l.LineTotalFen) })
            .ToListAsync(cancellationToken);
        var lines = products.OrderByDescending(p => p.Fen).ThenBy(p => p.ProductId)
            .Select(p => new LiveTallyProduct(p.ProductId, p.ProductName, p.Unit, p.Milli / 1000m, p.Fen / 100m)).ToList();
        return new LiveTallyResponse(livestreamId, count, products.Sum(p => p.Milli) / 1000m, products.Sum(p => p.Fen) / 100m, lines, clock.GetUtcNow());
    }
}
