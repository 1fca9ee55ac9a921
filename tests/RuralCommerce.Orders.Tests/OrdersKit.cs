using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RuralCommerce.Catalog.Features.Common;
using RuralCommerce.Orders.Persistence;

namespace RuralCommerce.Orders.Tests;

/// <summary>What the Orders tests share: a product in stock that Orders knows, buyers, and a look at Orders' stock.</summary>
internal sealed class OrdersKit(ApiFactory factory)
{
    /// <summary>A listed product of a seller with <paramref name="stock"/> on hand, once Orders' copy has caught up.</summary>
    public async Task<(CatalogScenario Shop, SignedInMember Seller, ProductResponse Product)> ProductInStockAsync(
        decimal stock, string unit = "Bottle", string cooperative = "Hubei Rice Wine Cooperative", string province = "Sichuan")
    {
        var shop = await CatalogScenario.CreateAsync(factory, cooperative, province);
        var seller = await shop.AddSellerAsync("Chen Jie", "Zhuhe");
        var product = await shop.ListedProductAsync(seller, CatalogTestData.RiceWine(price: 45.50m) with { Unit = unit, NetContent = null }, stock);
        await WaitForOrdersAsync(product.ProductId, stock);
        return (shop, seller, product);
    }

    public Task WaitForOrdersAsync(Guid productId, decimal declared) => Eventually.HoldsAsync(async () =>
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OrdersDbContext>();
        return await db.SellableProducts.AnyAsync(p => p.Id == productId && p.Listed && p.DeclaredMilli == (long)(declared * 1000));
    }, "Orders knows the product and its stock");

    /// <summary>Waits until Orders' copy of its data satisfies <paramref name="condition"/>.</summary>
    public Task WaitForOrdersAsync(Func<OrdersDbContext, Task<bool>> condition, string because) => Eventually.HoldsAsync(async () =>
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await condition(scope.ServiceProvider.GetRequiredService<OrdersDbContext>());
    }, because);

    public async Task<(long Declared, long Reserved)> StockAsync(Guid productId)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var p = await scope.ServiceProvider.GetRequiredService<OrdersDbContext>().SellableProducts.AsNoTracking().SingleAsync(p => p.Id == productId);
        return (p.DeclaredMilli, p.ReservedMilli);
    }

    public async Task<OrdersApi> BuyerAsync(string name = "Zhao Lei") => new(factory.ClientFor((await factory.NewVerifiedPersonAsync(name)).Session));
}
