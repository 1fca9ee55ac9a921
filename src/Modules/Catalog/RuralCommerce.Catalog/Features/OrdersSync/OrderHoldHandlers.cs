using RuralCommerce.Catalog.Domain.Products;
using RuralCommerce.Catalog.Persistence;
using RuralCommerce.Orders.Contracts;
using RuralCommerce.Shared.Infrastructure.Inbox;

namespace RuralCommerce.Catalog.Features.OrdersSync;

// The shop shows what can still be bought: Orders reports what its orders hold of each product and gives back.

internal sealed class StockReservedHandler(CatalogDbContext db, TimeProvider clock)
    : IntegrationEventHandler<StockReservedIntegrationEvent, CatalogDbContext>(db, clock)
{
    protected override async Task HandleAsync(StockReservedIntegrationEvent e, CancellationToken cancellationToken) =>
        (await Context.HoldOfAsync(e.ProductId, cancellationToken)).Change(e.Quantity);
}

internal sealed class StockReleasedHandler(CatalogDbContext db, TimeProvider clock)
    : IntegrationEventHandler<StockReleasedIntegrationEvent, CatalogDbContext>(db, clock)
{
    protected override async Task HandleAsync(StockReleasedIntegrationEvent e, CancellationToken cancellationToken) =>
        (await Context.HoldOfAsync(e.ProductId, cancellationToken)).Change(-e.Quantity);
}

internal static class OrderHolds
{
    public static async Task<OrderHold> HoldOfAsync(this CatalogDbContext db, Guid productId, CancellationToken cancellationToken)
    {
        var hold = await db.OrderHolds.FindAsync([new ProductId(productId)], cancellationToken);
        if (hold is null)
        {
            hold = OrderHold.For(new ProductId(productId));
            db.OrderHolds.Add(hold);
        }

        return hold;
    }
}
