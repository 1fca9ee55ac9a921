using Microsoft.EntityFrameworkCore;
using RuralCommerce.Catalog.Contracts;
using RuralCommerce.Orders.Domain.Sellables;
using RuralCommerce.Orders.Persistence;
using RuralCommerce.Shared.Infrastructure.Inbox;

namespace RuralCommerce.Orders.Features.CatalogSync;

// Orders keeps its own copy of what it sells, fed by Catalog. A product's events arrive in order (one partition per
// product); its stock deltas can come before it is first listed (a seller restocks a draft).

internal sealed class ProductListedHandler(OrdersDbContext db, TimeProvider clock)
    : IntegrationEventHandler<ProductListedIntegrationEvent, OrdersDbContext>(db, clock)
{
    protected override async Task HandleAsync(ProductListedIntegrationEvent e, CancellationToken cancellationToken)
    {
        var product = await Context.FindOrAddSellableAsync(e.ProductId, e.CooperativeId, cancellationToken);
        product.Describe(e.SellerId, e.Code, e.Name, e.Unit, e.ListPriceFen);
        product.SetListed(true);
    }
}

internal sealed class ProductChangedHandler(OrdersDbContext db, TimeProvider clock)
    : IntegrationEventHandler<ProductChangedIntegrationEvent, OrdersDbContext>(db, clock)
{
    protected override async Task HandleAsync(ProductChangedIntegrationEvent e, CancellationToken cancellationToken) =>
        (await Context.FindRequiredSellableAsync(e.ProductId, cancellationToken)).Change(e.Name, e.Unit, e.ListPriceFen);
}

internal sealed class ProductDelistedHandler(OrdersDbContext db, TimeProvider clock)
    : IntegrationEventHandler<ProductDelistedIntegrationEvent, OrdersDbContext>(db, clock)
{
    protected override async Task HandleAsync(ProductDelistedIntegrationEvent e, CancellationToken cancellationToken) =>
        (await Context.FindRequiredSellableAsync(e.ProductId, cancellationToken)).SetListed(false);
}

internal sealed class StockAdjustedHandler(OrdersDbContext db, TimeProvider clock)
    : IntegrationEventHandler<StockAdjustedIntegrationEvent, OrdersDbContext>(db, clock)
{
    protected override async Task HandleAsync(StockAdjustedIntegrationEvent e, CancellationToken cancellationToken) =>
        (await Context.FindOrAddSellableAsync(e.ProductId, e.CooperativeId, cancellationToken)).ApplyStockAdjustment(e.Sequence, e.Delta);
}

internal static class CatalogSync
{
    public static async Task<SellableProduct> FindOrAddSellableAsync(this OrdersDbContext db, Guid productId, Guid cooperativeId, CancellationToken cancellationToken)
    {
        var product = await db.SellableProducts.SingleOrDefaultAsync(p => p.Id == productId, cancellationToken);
        if (product is null)
        {
            product = SellableProduct.Known(productId, cooperativeId);
            db.SellableProducts.Add(product);
        }

        return product;
    }

    public static async Task<SellableProduct> FindRequiredSellableAsync(this OrdersDbContext db, Guid productId, CancellationToken cancellationToken) =>
        await db.SellableProducts.SingleOrDefaultAsync(p => p.Id == productId, cancellationToken)
        ?? throw new InvalidOperationException($"Product {productId} is not known to Orders yet.");
}
