using Microsoft.EntityFrameworkCore;
using RuralCommerce.Orders.Domain.Livestreams;
using RuralCommerce.Orders.Domain.Orders;
using RuralCommerce.Orders.Domain.Sellables;
using RuralCommerce.Orders.Persistence;
using RuralCommerce.Shared.Infrastructure.Web;
using RuralCommerce.SharedKernel;

namespace RuralCommerce.Orders.Features.Common;

/// <summary>A line that could not be met: how much was asked, how much can still be sold.</summary>
internal sealed record ShortLine(Guid ProductId, decimal Requested, decimal Available);

/// <summary>
/// Prices and reserves an order, from the request or from the cart: every line's stock (and, in a live event, its cap)
/// by one conditional update each, in product order, inside the caller's transaction — all or nothing.
/// </summary>
internal static class OrderPlacement
{
    /// <summary>How a buyer pays: one of the methods this host offers (platform payments come only with imports).</summary>
    public static PaymentMethod RequirePaymentMethod(ValidationErrors errors, string? value, OfferedPaymentMethods offered) =>
        errors.RequireName(value, "paymentMethod", offered.Methods);

    public static bool IsQuantity(decimal? quantity) => quantity is > 0m and <= 100_000m && decimal.Round(quantity.Value, 3) == quantity;

    /// <summary>
    /// Places and commits one order per cooperative whose products are wanted (in the order the lines name them), with
    /// whatever <paramref name="alsoStage"/> stages beside them: reads and checks first, then one transaction for every
    /// reservation and order (the idempotency filter's, when a key came) — all of them or none. With
    /// <paramref name="oneCooperative"/>, lines of several cooperatives are refused (409 <c>OneCooperativePerOrder</c>).
    /// </summary>
    public static async Task<IReadOnlyList<Order>> PlaceAsync(
        OrdersDbContext db, TimeProvider clock, Guid buyer, IReadOnlyDictionary<Guid, decimal> wanted, DeliveryAddress delivery,
        PaymentMethod method, Guid? livestreamId, bool oneCooperative, CancellationToken cancellationToken, Action? alsoStage = null)
    {
        var ids = wanted.Keys.ToList();
        var products = await db.SellableProducts.AsNoTracking().Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, cancellationToken);
        var live = livestreamId is { } eventId ? await LiveEventAsync(db, eventId, cancellationToken) : null;
        var notForSale = ids.Where(id => !products.TryGetValue(id, out var p) || !p.Listed || (live is not null && p.CooperativeId != live.CooperativeId)).ToList();
        if (notForSale.Count > 0)
        {
            throw new ConflictException("ProductNotForSale", "Some products are not for sale here.", new Dictionary<string, object?> { ["productIds"] = notForSale });
        }

        var cooperatives = ids.GroupBy(id => products[id].CooperativeId).ToList();
        if (oneCooperative && cooperatives.Count > 1)
        {
            throw new ConflictException("OneCooperativePerOrder",
                "An order is paid to one cooperative: order these products separately, or check out a cart, which makes one order per cooperative.",
                new Dictionary<string, object?> { ["productIds"] = cooperatives.Skip(1).SelectMany(c => c).ToList() });
        }

        var errors = new ValidationErrors();
        foreach (var (id, quantity) in wanted)
        {
            errors.Require(products[id].Suits(quantity), "lines", $"Product {id} is sold by the {products[id].Unit}: the quantity must be whole (or to the gram by weight).");
        }

        errors.ThrowIfAny();
        var offers = live is null
            ? []
            : await db.LiveOffers.AsNoTracking().Where(o => o.LivestreamId == live.Id && o.Featured && ids.Contains(o.ProductId))
                .ToDictionaryAsync(o => o.ProductId, cancellationToken);

        // The orders and their outbox rows are staged before the file's one writer is taken, so the writer is held for
        // the writes only; a refused reservation throws, and nothing staged is saved.
        var orders = cooperatives
            .Select(c => NewOrder(clock, buyer, c.ToDictionary(id => id, id => wanted[id]), delivery, method, products, offers, live))
            .ToList();
        db.Orders.AddRange(orders);
        alsoStage?.Invoke();
        db.PrepareWrites();

        // The reservations re-check everything they depend on, so the reads above need no lock.
        var writes = await db.BeginWritesAsync(cancellationToken);
        await using (writes)
        {
            await ReserveStockAsync(db, wanted, cancellationToken);
            if (live is not null)
            {
                await TakeFromCapsAsync(db, live.Id, wanted, offers, cancellationToken);
            }

            await db.CommitWritesAsync(writes, cancellationToken);

            foreach (var _ in orders)
            {
                OrdersMetrics.OrderPlaced(live is not null);
            }

            return orders;
        }
    }

    private static Order NewOrder(
        TimeProvider clock, Guid buyer, IReadOnlyDictionary<Guid, decimal> wanted, DeliveryAddress delivery, PaymentMethod method,
        Dictionary<Guid, SellableProduct> products, Dictionary<Guid, LiveOffer> offers, LiveEvent? live)
    {
        var lines = wanted.Select(w =>
        {
            var p = products[w.Key];
            var offer = offers.GetValueOrDefault(w.Key);
            return new OrderLine(p.Id, p.SellerId, p.CooperativeId, p.Name, p.Unit, SellableProduct.ToMilli(w.Value), offer?.PriceFen ?? p.ListPriceFen, offer is not null);
        }).ToList();
        var sale = live is null ? null : new LivestreamSale(live.Id, live.HostMemberId);
        return Order.Place(new OrderId(NewId.Next(clock)), buyer, delivery, method, lines, sale, clock.GetUtcNow());
    }

    private static async Task<LiveEvent> LiveEventAsync(OrdersDbContext db, Guid livestreamId, CancellationToken cancellationToken)
    {
        var live = await db.LiveEvents.AsNoTracking().SingleOrDefaultAsync(e => e.Id == livestreamId, cancellationToken);
        return live is { Status: LiveEventStatus.Live }
            ? live
            : throw new ConflictException("LivestreamNotLive", "This livestream is not on air: its prices do not apply now.",
                new Dictionary<string, object?> { ["livestreamId"] = livestreamId, ["livestreamStatus"] = live?.Status.ToString() });
    }

    private static async Task ReserveStockAsync(OrdersDbContext db, IReadOnlyDictionary<Guid, decimal> wanted, CancellationToken cancellationToken)
    {
        var shortLines = new List<ShortLine>();
        foreach (var (id, quantity) in wanted.OrderBy(w => w.Key))
        {
            var milli = SellableProduct.ToMilli(quantity);
            if (!await TryReserveAsync(db, id, milli, onlyListed: true, cancellationToken))
            {
                var left = await db.SellableProducts.AsNoTracking().Where(p => p.Id == id)
                    .Select(p => p.DeclaredMilli - p.ReservedMilli).SingleAsync(cancellationToken);
                shortLines.Add(new ShortLine(id, quantity, Math.Max(0L, left) / (decimal)SellableProduct.MilliPerUnit));
            }
        }

        if (shortLines.Count > 0)
        {
            OrdersMetrics.OrderRejected("stock");
            throw new ConflictException("InsufficientStock", "Some lines cannot be met from the stock left.",
                new Dictionary<string, object?> { ["shortLines"] = shortLines });
        }
    }

    private static async Task TakeFromCapsAsync(
        OrdersDbContext db, Guid livestreamId, IReadOnlyDictionary<Guid, decimal> wanted, IReadOnlyDictionary<Guid, LiveOffer> offers,
        CancellationToken cancellationToken)
    {
        var overCap = new List<ShortLine>();
        foreach (var (id, quantity) in wanted.Where(w => offers.ContainsKey(w.Key)).OrderBy(w => w.Key))
        {
            var milli = SellableProduct.ToMilli(quantity);
            var taken = await db.LiveOffers
                .Where(o => o.LivestreamId == livestreamId && o.ProductId == id && o.Featured && (o.CapMilli == null || o.SoldMilli + milli <= o.CapMilli))
                .ExecuteUpdateAsync(s => s.SetProperty(o => o.SoldMilli, o => o.SoldMilli + milli), cancellationToken);
            if (taken == 0)
            {
                var left = await db.LiveOffers.AsNoTracking().Where(o => o.LivestreamId == livestreamId && o.ProductId == id)
                    .Select(o => (o.CapMilli ?? 0) - o.SoldMilli).SingleAsync(cancellationToken);
                overCap.Add(new ShortLine(id, quantity, Math.Max(0L, left) / (decimal)SellableProduct.MilliPerUnit));
            }
        }

        if (overCap.Count > 0)
        {
            OrdersMetrics.OrderRejected("livestream-cap");
            throw new ConflictException("LivestreamCapReached", "Some lines are over what this livestream sells of them.",
                new Dictionary<string, object?> { ["shortLines"] = overCap });
        }
    }

    /// <summary>Gives an order's reserved quantities back (and its live event's caps), inside the caller's transaction.</summary>
    public static async Task ReleaseAsync(OrdersDbContext db, Order order, CancellationToken cancellationToken)
    {
        foreach (var line in order.Lines.OrderBy(l => l.ProductId))
        {
            var milli = line.QuantityMilli;
            await ReleaseAsync(db, line.ProductId, milli, cancellationToken);
            if (line.OnLivestreamOffer && order.LivestreamId is { } livestreamId)
            {
                await db.LiveOffers.Where(o => o.LivestreamId == livestreamId && o.ProductId == line.ProductId)
                    .ExecuteUpdateAsync(s => s.SetProperty(o => o.SoldMilli, o => o.SoldMilli - milli), cancellationToken);
            }
        }
    }

    /// <summary>
    /// Takes <paramref name="milli"/> of a product's stock by one conditional update, so two buyers can never both take
    /// the last units; false when there is not that much left (or, <paramref name="onlyListed"/>, the product is off sale).
    /// </summary>
    public static async Task<bool> TryReserveAsync(OrdersDbContext db, Guid productId, long milli, bool onlyListed, CancellationToken cancellationToken) =>
        await db.SellableProducts
            .Where(p => p.Id == productId && (p.Listed || !onlyListed) && p.DeclaredMilli - p.ReservedMilli >= milli)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.ReservedMilli, p => p.ReservedMilli + milli), cancellationToken) > 0;

    /// <summary>Gives back <paramref name="milli"/> of a product's reserved stock (a refund of goods that never left, or came back), inside the caller's transaction.</summary>
    public static Task ReleaseAsync(OrdersDbContext db, Guid productId, long milli, CancellationToken cancellationToken) =>
        db.SellableProducts.Where(p => p.Id == productId)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.ReservedMilli, p => p.ReservedMilli - milli), cancellationToken);
}
