using System.Net;
using RuralCommerce.Orders.Features.Cart;

namespace RuralCommerce.Orders.Tests;

public sealed class CartAndAddressTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private readonly OrdersKit _kit = new(factory);

    [Fact]
    public async Task A_buyer_fills_a_cart_checks_out_to_a_saved_address_and_the_cart_empties()
    {
        var (shop, seller, wine) = await _kit.ProductInStockAsync(10m);
        var rice = await shop.ListedProductAsync(seller, CatalogTestData.RiceWine(price: 12.34m) with { Unit = "Kilogram", NetContent = null }, stock: 50m);
        await _kit.WaitForOrdersAsync(rice.ProductId, 50m);
        var buyer = await _kit.BuyerAsync();
        var home = (await buyer.SaveAddress(OrdersApi.Home("张三丰"))).Body;

        await buyer.PutInCart(wine.ProductId, 1m);
        await buyer.PutInCart(wine.ProductId, 2m);
        var cart = (await buyer.PutInCart(rice.ProductId, 2.5m)).Body;
        Assert.Equal([(wine.ProductId, 2m, 91.00m, 10m), (rice.ProductId, 2.5m, 30.85m, 50m)], cart.Lines.Select(l => (l.ProductId, l.Quantity, l.LineTotal, l.Available)));
        Assert.Equal(121.85m, cart.Total);
        Assert.Contains("quantity", (await buyer.PutInCart(wine.ProductId, 1.5m)).FieldErrors.Keys);
        Assert.Equal(HttpStatusCode.Conflict, (await buyer.PutInCart(Guid.NewGuid(), 1m)).Status);

        var checkout = await buyer.Checkout(new CheckoutRequest(null, "Alipay", home.AddressId), "checkout-1");
        var retry = await buyer.Checkout(new CheckoutRequest(null, "Alipay", home.AddressId), "checkout-1");

        Assert.Equal(HttpStatusCode.Created, checkout.Status);
        var order = Assert.Single(checkout.Body.Orders);
        Assert.Equal(order.OrderId, Assert.Single(retry.Body.Orders).OrderId);
        Assert.Equal((121.85m, 121.85m, "张三丰"), (checkout.Body.Total, order.Total, order.Delivery.Recipient));
        Assert.Empty((await buyer.Cart()).Body.Lines);
        Assert.Equal((10_000L, 2_000L), await _kit.StockAsync(wine.ProductId));
        Assert.Equal("CartEmpty", (await buyer.Checkout(new CheckoutRequest(OrdersApi.Home(), "Alipay"))).Problem.GetProperty("reason").GetString());
        var listed = Assert.Single((await buyer.Mine()).Body.Items);
        Assert.Equal(("张**", "+86138****8000", "***"), (listed.Delivery.Recipient, listed.Delivery.Phone, listed.Delivery.Detail));
    }

    [Fact]
    public async Task A_cart_of_two_cooperatives_checks_out_as_one_order_each_all_or_none_and_a_retry_answers_both()
    {
        var (_, _, wine) = await _kit.ProductInStockAsync(10m);
        var (_, _, mushrooms) = await _kit.ProductInStockAsync(3m, cooperative: "Xiaozhai Mushroom Cooperative");
        var buyer = await _kit.BuyerAsync();
        await buyer.PutInCart(wine.ProductId, 2m);
        await buyer.PutInCart(mushrooms.ProductId, 4m);

        // The mushrooms are short: neither cooperative's order is placed, nothing is reserved, the cart stays.
        var refused = await buyer.Checkout(new CheckoutRequest(OrdersApi.Home(), "WeChatPay"));
        Assert.Equal("InsufficientStock", refused.Problem.GetProperty("reason").GetString());
        Assert.Equal((10_000L, 0L), await _kit.StockAsync(wine.ProductId));
        Assert.Equal(2, (await buyer.Cart()).Body.Lines.Count);
        Assert.Equal(0, (await buyer.Mine()).Body.TotalCount);

        await buyer.PutInCart(mushrooms.ProductId, 3m);
        var checkout = await buyer.Checkout(new CheckoutRequest(OrdersApi.Home(), "WeChatPay"), "two-cooperatives");
        var retry = await buyer.Checkout(new CheckoutRequest(OrdersApi.Home(), "WeChatPay"), "two-cooperatives");

        Assert.Equal(HttpStatusCode.Created, checkout.Status);
        Assert.Equal([[wine.ProductId], [mushrooms.ProductId]], checkout.Body.Orders.Select(o => o.Lines.Select(l => l.ProductId).ToArray()));
        Assert.Equal(checkout.Body.Orders.Select(o => o.OrderId), retry.Body.Orders.Select(o => o.OrderId));
        Assert.Equal(checkout.Body.Orders.Sum(o => o.Total), checkout.Body.Total);
        Assert.All(checkout.Body.Orders, o => Assert.Equal(("Placed", "WeChatPay"), (o.Status, o.PaymentMethod)));
        Assert.Equal((10_000L, 2_000L), await _kit.StockAsync(wine.ProductId));
        Assert.Equal((3_000L, 3_000L), await _kit.StockAsync(mushrooms.ProductId));
        Assert.Empty((await buyer.Cart()).Body.Lines);
        Assert.Equal(2, (await buyer.Mine()).Body.TotalCount);
    }

    [Fact]
    public async Task An_order_placed_directly_is_of_one_cooperative_and_a_mix_is_refused_with_nothing_reserved()
    {
        var (_, _, wine) = await _kit.ProductInStockAsync(10m);
        var (_, _, mushrooms) = await _kit.ProductInStockAsync(10m, cooperative: "Xiaozhai Mushroom Cooperative");
        var buyer = await _kit.BuyerAsync();

        var mixed = await buyer.Place(new Features.PlaceOrder.PlaceOrderRequest(
            [new Features.PlaceOrder.OrderLineRequest(wine.ProductId, 1m), new Features.PlaceOrder.OrderLineRequest(mushrooms.ProductId, 2m)],
            OrdersApi.Home(), "CashOnDelivery"));

        Assert.Equal(HttpStatusCode.Conflict, mixed.Status);
        Assert.Equal("OneCooperativePerOrder", mixed.Problem.GetProperty("reason").GetString());
        Assert.Equal(mushrooms.ProductId, mixed.Problem.GetProperty("productIds")[0].GetGuid());
        Assert.Equal((10_000L, 0L), await _kit.StockAsync(wine.ProductId));
        Assert.Equal((10_000L, 0L), await _kit.StockAsync(mushrooms.ProductId));
    }

    [Fact]
    public async Task The_address_book_masks_its_list_keeps_one_default_and_is_private()
    {
        var buyer = await _kit.BuyerAsync();
        var first = (await buyer.SaveAddress(OrdersApi.Home("Zhao Lei"))).Body;
        var parents = (await buyer.SaveAddress(OrdersApi.Home("赵大山") with { Village = "Dongshan" }, isDefault: true)).Body;

        var list = (await buyer.Addresses()).Body;
        Assert.Equal([(parents.AddressId, true, "赵**"), (first.AddressId, false, "Z*******")], list.Select(a => (a.AddressId, a.IsDefault, a.Address.Recipient)));
        Assert.All(list, a => Assert.Equal("+86138****8000", a.Address.Phone));
        Assert.Equal("No. 3, East Lane", (await buyer.Address(first.AddressId)).Body.Address.Detail);

        var stranger = await _kit.BuyerAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.Address(first.AddressId)).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.DeleteAddress(first.AddressId)).Status);
        Assert.Contains("addressId", (await stranger.Place(new Features.PlaceOrder.PlaceOrderRequest(
            [new Features.PlaceOrder.OrderLineRequest(Guid.NewGuid(), 1m)], null, "Alipay", first.AddressId))).FieldErrors.Keys);
        Assert.Contains("address.phone", (await buyer.ChangeAddress(first.AddressId, OrdersApi.Home() with { Phone = "12" })).FieldErrors.Keys);

        Assert.Equal(HttpStatusCode.NoContent, (await buyer.DeleteAddress(parents.AddressId)).Status);
        Assert.True(Assert.Single((await buyer.Addresses()).Body).IsDefault);
    }

    [Fact]
    public async Task A_cooperative_administrator_lists_the_cooperatives_orders_by_status_and_channel_and_no_one_else_can()
    {
        var (shop, _, wine) = await _kit.ProductInStockAsync(10m);
        var (other, _, mushrooms) = await _kit.ProductInStockAsync(10m, cooperative: "Xiaozhai Mushroom Cooperative");
        var buyer = await _kit.BuyerAsync();
        await buyer.PutInCart(wine.ProductId, 1m);
        await buyer.PutInCart(mushrooms.ProductId, 2m);
        var mixed = (await buyer.Checkout(new CheckoutRequest(OrdersApi.Home(), "CashOnDelivery"))).Body.Orders[0];
        var cancelled = (await buyer.Place(OrdersApi.Buy(wine.ProductId, 1m))).Body;
        await buyer.Cancel(cancelled.OrderId);
        var admin = new OrdersApi(shop.Cooperative.Admin.Http);

        var all = (await admin.CooperativeOrders(shop.CooperativeId)).Body;
        Assert.Equal([cancelled.OrderId, mixed.OrderId], all.Items.Select(o => o.OrderId));
        var mine = all.Items.Single(o => o.OrderId == mixed.OrderId);
        Assert.Equal(wine.ProductId, Assert.Single(mine.Lines).ProductId);
        Assert.Equal((45.50m, "***"), (mine.CooperativeTotal, mine.Delivery.Detail));
        Assert.Equal([cancelled.OrderId], (await admin.CooperativeOrders(shop.CooperativeId, "?status=Cancelled")).Body.Items.Select(o => o.OrderId));
        Assert.Empty((await admin.CooperativeOrders(shop.CooperativeId, "?channel=Livestream")).Body.Items);
        var today = RuralCommerce.SharedKernel.ChinaTime.Today(DateTimeOffset.UtcNow);
        Assert.Equal(2, (await admin.CooperativeOrders(shop.CooperativeId, $"?from={today:yyyy-MM-dd}&to={today:yyyy-MM-dd}")).Body.TotalCount);
        Assert.Equal(0, (await admin.CooperativeOrders(shop.CooperativeId, $"?to={today.AddDays(-1):yyyy-MM-dd}")).Body.TotalCount);
        Assert.Contains("status", (await admin.CooperativeOrders(shop.CooperativeId, "?status=Lost")).FieldErrors.Keys);

        Assert.Equal(HttpStatusCode.Forbidden, (await admin.CooperativeOrders(other.CooperativeId)).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await buyer.CooperativeOrders(shop.CooperativeId)).Status);
    }
}
