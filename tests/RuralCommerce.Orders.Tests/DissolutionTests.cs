using System.Net;

namespace RuralCommerce.Orders.Tests;

/// <summary>A cooperative is dissolved only by typing its name, and never while one of its orders is unfinished (Cooperatives hears of orders from Orders).</summary>
public sealed class DissolutionTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private readonly OrdersKit _kit = new(factory);

    [Fact]
    public async Task A_cooperative_with_an_unfinished_order_is_not_dissolved_until_the_order_is_cancelled()
    {
        var (shop, _, product) = await _kit.ProductInStockAsync(10m);
        var platform = shop.Cooperative.PlatformAdmin;
        var buyer = await _kit.BuyerAsync();
        var order = (await buyer.Place(OrdersApi.Buy(product.ProductId, 2m))).Body;
        await Eventually.HoldsAsync(async () => (await platform.Dissolution(shop.CooperativeId)).Body.OpenOrders == 1, "Cooperatives heard of the order");
        var preview = (await platform.Dissolution(shop.CooperativeId)).Body;

        var mistyped = await platform.DissolveCooperative(shop.CooperativeId, preview.Name + "x");
        var blocked = await platform.DissolveCooperative(shop.CooperativeId, preview.Name);
        Assert.Equal(HttpStatusCode.OK, (await buyer.Cancel(order.OrderId)).Status);
        await Eventually.HoldsAsync(async () => (await platform.Dissolution(shop.CooperativeId)).Body.CanDissolve, "Cooperatives heard the order was cancelled");
        var dissolved = await platform.DissolveCooperative(shop.CooperativeId, $"  {preview.Name} ");
        var again = await platform.DissolveCooperative(shop.CooperativeId, preview.Name);

        Assert.False(preview.CanDissolve);
        Assert.True(preview.ActiveMembers >= 2);
        Assert.Equal(HttpStatusCode.BadRequest, mistyped.Status);
        Assert.True(mistyped.FieldErrors.ContainsKey("confirmName"));
        Assert.Equal((HttpStatusCode.Conflict, "ACooperativeWithOpenOrdersIsNotDissolvedRule"), (blocked.Status, blocked.BrokenRule));
        Assert.Equal("Dissolved", dissolved.Body.Status);
        Assert.Equal((HttpStatusCode.Conflict, "DissolvedCooperativeAcceptsNoChangesRule"), (again.Status, again.BrokenRule));
    }
}
