using Microsoft.EntityFrameworkCore;
using RuralCommerce.Orders.Contracts;
using RuralCommerce.Orders.Domain.Orders;
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

    /// <summary>What other modules hear of this one; the rows commit with the change that raised them.</summary>
    protected override IEnumerable<IntegrationEvent> ToIntegrationEvents(IDomainEvent domainEvent) => domainEvent switch
    {
        OrderPlaced { Order: var o } =>
        [
            new OrderPlacedIntegrationEvent(
                o.Id.Value, o.BuyerAccountId, o.Channel.ToString(), o.PaymentMethod.ToString(),
                o.Lines.Select(l => new OrderLineDto(l.ProductId, l.SellerId, l.CooperativeId, l.Quantity, l.UnitPriceFen, l.LineTotalFen)).ToList(),
                o.TotalFen, o.PlacedAt),
        ],
        OrderCancelled e => [new OrderCancelledIntegrationEvent(e.Order.Id.Value, e.ActorAccountId, e.Order.Transitions[^1].At)],
        _ => [],
    };
}

/// <summary>The embedded default; migrations in Persistence/Migrations/Sqlite.</summary>
internal sealed class SqliteOrdersDbContext(DbContextOptions<SqliteOrdersDbContext> options) : OrdersDbContext(options);

/// <summary>Production; migrations in Persistence/Migrations/SqlServer.</summary>
internal sealed class SqlServerOrdersDbContext(DbContextOptions<SqlServerOrdersDbContext> options) : OrdersDbContext(options);
