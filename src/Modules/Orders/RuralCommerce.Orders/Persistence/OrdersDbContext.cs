using Microsoft.EntityFrameworkCore;
using RuralCommerce.Orders.Contracts;
using RuralCommerce.Orders.Domain.Buyers;
using RuralCommerce.Orders.Domain.Livestreams;
using RuralCommerce.Orders.Domain.Logistics;
using RuralCommerce.Orders.Domain.Orders;
using RuralCommerce.Orders.Domain.Payments;
using RuralCommerce.Orders.Domain.Sellables;
using RuralCommerce.Shared.Infrastructure.Persistence;
using RuralCommerce.SharedKernel;

namespace RuralCommerce.Orders.Persistence;

internal abstract class OrdersDbContext(DbContextOptions options) : ModuleDbContext(options)
{
    internal const string SchemaName = "orders";

    public override string Schema => SchemaName;

    public DbSet<SellableProduct> SellableProducts => Set<SellableProduct>();

    public DbSet<Order> Orders => Set<Order>();

    public DbSet<LiveEvent> LiveEvents => Set<LiveEvent>();

    public DbSet<LiveOffer> LiveOffers => Set<LiveOffer>();

    public DbSet<SavedAddress> SavedAddresses => Set<SavedAddress>();

    public DbSet<CartLine> CartLines => Set<CartLine>();

    public DbSet<LogisticsCentre> LogisticsCentres => Set<LogisticsCentre>();

    public DbSet<CooperativeLocation> CooperativeLocations => Set<CooperativeLocation>();

    public DbSet<CooperativePayee> CooperativePayees => Set<CooperativePayee>();

    public DbSet<VerifiedAccount> VerifiedAccounts => Set<VerifiedAccount>();

    /// <summary>What other modules hear of this one; the rows commit with the change that raised them.</summary>
    protected override IEnumerable<IntegrationEvent> ToIntegrationEvents(IDomainEvent domainEvent) => domainEvent switch
    {
        OrderPlaced { Order: var o } =>
        [
            new OrderPlacedIntegrationEvent(
                o.Id.Value, o.BuyerAccountId, o.Channel.ToString(), o.LivestreamId, o.LivestreamHostMemberId, o.PaymentMethod.ToString(),
                o.Lines.Select(l => new OrderLineDto(l.ProductId, l.SellerId, l.CooperativeId, l.Quantity, l.UnitPriceFen, l.LineTotalFen)).ToList(),
                o.TotalFen, o.PlacedAt),
            .. o.Lines.Select(l => new StockReservedIntegrationEvent(l.ProductId, o.Id.Value, l.Quantity)),
        ],
        OrderPaid { Order: var o, Payment: var p } => [new OrderPaidIntegrationEvent(o.Id.Value, o.PaymentMethod.ToString(), p.AmountFen, p.ReceivedAt)],
        OrderCancelled { Order: var o } e =>
        [
            new OrderCancelledIntegrationEvent(o.Id.Value, e.ActorAccountId, o.Transitions[^1].At, o.Refunds.Any(r => r.RefundedAt is null)),
            .. o.Lines.Select(l => new StockReleasedIntegrationEvent(l.ProductId, o.Id.Value, l.Quantity)),
        ],
        ShipmentShipped { Order: var o, Shipment: var s } =>
            [new ShipmentShippedIntegrationEvent(o.Id.Value, s.Id, s.SellerId, s.CooperativeId, s.LogisticsCentreId!.Value, s.Carrier!, s.TrackingNumber!, s.ShippedAt!.Value)],
        ShipmentDelivered { Order: var o, Shipment: var s } =>
            [new ShipmentDeliveredIntegrationEvent(o.Id.Value, s.Id, s.SellerId, s.CooperativeId, s.DeliveredAt!.Value)],
        OrderCompleted { Order: var o } =>
        [
            new OrderCompletedIntegrationEvent(
                o.Id.Value, o.Channel.ToString(), o.LivestreamId, o.LivestreamHostMemberId,
                o.SellerAmounts().Select(s => new SellerAmountDto(
                    s.SellerId, s.CooperativeId, s.AmountFen,
                    o.ProductAmounts(s.SellerId).Select(p => new ProductAmountDto(p.ProductId, p.ProductName, p.AmountFen)).ToList())).ToList(),
                o.SellerAmounts().Sum(s => s.AmountFen),
                o.CompletedAt!.Value, o.Platform),
        ],
        RefundDecided { Order: var o, Request: { Status: RefundRequestStatus.Approved } r } =>
        [
            new OrderRefundedIntegrationEvent(
                o.Id.Value, r.Id, o.Channel.ToString(), o.LivestreamId,
                r.Lines.GroupBy(l => l.SellerId).Select(g => new SellerAmountDto(g.Key, r.CooperativeId, g.Sum(l => l.AmountFen))).ToList(),
                r.AmountFen, o.Status == OrderStatus.Completed, r.DecidedAt!.Value),
            .. r.Lines.Where(l => !l.Delivered).Select(l => new StockReleasedIntegrationEvent(l.ProductId, o.Id.Value, l.Quantity)),
        ],
        GoodsReturned { Order: var o, Line: var l } => [new StockReleasedIntegrationEvent(l.ProductId, o.Id.Value, l.Quantity)],
        _ => [],
    };
}

/// <summary>The embedded default; migrations in Persistence/Migrations/Sqlite.</summary>
internal sealed class SqliteOrdersDbContext(DbContextOptions<SqliteOrdersDbContext> options) : OrdersDbContext(options);

/// <summary>Production; migrations in Persistence/Migrations/SqlServer.</summary>
internal sealed class SqlServerOrdersDbContext(DbContextOptions<SqlServerOrdersDbContext> options) : OrdersDbContext(options);
