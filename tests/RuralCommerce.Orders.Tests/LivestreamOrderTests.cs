using System.Net;
using Microsoft.EntityFrameworkCore;
using RuralCommerce.Catalog.Features.ScheduleLivestream;
using RuralCommerce.Cooperatives.Contracts;
using RuralCommerce.Orders.Domain.Livestreams;
using RuralCommerce.Orders.Features.PlaceOrder;

namespace RuralCommerce.Orders.Tests;

public sealed class LivestreamOrderTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private readonly OrdersKit _kit = new(factory);

    private static LivestreamPlanRequest TonightsSale() =>
        new("Hubei rice wine night", DateTimeOffset.UtcNow.AddHours(1), DateTimeOffset.UtcNow.AddHours(5), "Douyin", null);

    [Fact]
    public async Task During_a_live_event_a_featured_product_sells_at_its_livestream_price_within_its_cap()
    {
        var (shop, seller, wine) = await _kit.ProductInStockAsync(100m);
        var gift = await shop.ListedProductAsync(seller, CatalogTestData.RiceWine(price: 120m), stock: 10m);
        var host = await shop.AddMemberAsync("Liu Yang", "Zhuhe", MemberRoles.LivestreamHost);
        var eventId = (await host.Catalog.ScheduleLivestream(shop.CooperativeId, TonightsSale())).Body.EventId;
        await host.Catalog.Feature(shop.CooperativeId, eventId, wine.ProductId, livestreamPrice: 39.90m, cap: 5m);
        var buyer = await _kit.BuyerAsync();
        await _kit.WaitForOrdersAsync(db => db.LiveOffers.AnyAsync(o => o.LivestreamId == eventId && o.Featured), "Orders knows the featured wine");

        var beforeAir = await buyer.Place(OrdersApi.Buy(wine.ProductId, 1m, livestreamId: eventId));
        Assert.Equal("LivestreamNotLive", beforeAir.Problem.GetProperty("reason").GetString());

        await host.Catalog.StartLivestream(shop.CooperativeId, eventId);
        await _kit.WaitForOrdersAsync(db => db.LiveEvents.AnyAsync(e => e.Id == eventId && e.Status == LiveEventStatus.Live), "Orders knows the event is live");
        await _kit.WaitForOrdersAsync(gift.ProductId, 10m);

        var live = await buyer.Place(new PlaceOrderRequest(
            [new OrderLineRequest(wine.ProductId, 3m), new OrderLineRequest(gift.ProductId, 1m)], OrdersApi.Home(), "WeChatPay", LivestreamId: eventId));
        Assert.Equal(HttpStatusCode.Created, live.Status);
        Assert.Equal(("Livestream", (Guid?)eventId), (live.Body.Channel, live.Body.LivestreamId));
        Assert.Equal([(wine.ProductId, 39.90m, true), (gift.ProductId, 120m, false)],
            live.Body.Lines.OrderBy(l => l.UnitPrice).Select(l => (l.ProductId, l.UnitPrice, l.LivestreamPrice)));
        Assert.Equal(239.70m, live.Body.Total);

        var overCap = await buyer.Place(OrdersApi.Buy(wine.ProductId, 3m, livestreamId: eventId));
        Assert.Equal("LivestreamCapReached", overCap.Problem.GetProperty("reason").GetString());
        Assert.Equal(2m, overCap.Problem.GetProperty("shortLines")[0].GetProperty("available").GetDecimal());
        Assert.Equal((100_000L, 3_000L), await _kit.StockAsync(wine.ProductId));

        var shopOrder = await buyer.Place(OrdersApi.Buy(wine.ProductId, 3m));
        Assert.Equal(("Shop", 45.50m), (shopOrder.Body.Channel, shopOrder.Body.Lines[0].UnitPrice));

        await buyer.Cancel(live.Body.OrderId);
        Assert.Equal(HttpStatusCode.Created, (await buyer.Place(OrdersApi.Buy(wine.ProductId, 5m, livestreamId: eventId))).Status);
    }

    [Fact]
    public async Task Another_cooperatives_product_is_not_for_sale_in_a_live_event_and_an_ended_event_sells_nothing()
    {
        var (shop, _, _) = await _kit.ProductInStockAsync(10m);
        var (_, _, elsewhere) = await _kit.ProductInStockAsync(10m, cooperative: "Xiaozhai Mushroom Cooperative");
        var host = await shop.AddMemberAsync("Liu Yang", "Zhuhe", MemberRoles.LivestreamHost);
        var eventId = (await host.Catalog.ScheduleLivestream(shop.CooperativeId, TonightsSale())).Body.EventId;
        await host.Catalog.StartLivestream(shop.CooperativeId, eventId);
        await _kit.WaitForOrdersAsync(db => db.LiveEvents.AnyAsync(e => e.Id == eventId && e.Status == LiveEventStatus.Live), "Orders knows the event is live");
        var buyer = await _kit.BuyerAsync();

        var foreign = await buyer.Place(OrdersApi.Buy(elsewhere.ProductId, 1m, livestreamId: eventId));
        Assert.Equal("ProductNotForSale", foreign.Problem.GetProperty("reason").GetString());
        Assert.Equal("LivestreamNotLive", (await buyer.Place(OrdersApi.Buy(elsewhere.ProductId, 1m, livestreamId: Guid.NewGuid()))).Problem.GetProperty("reason").GetString());

        await host.Catalog.EndLivestream(shop.CooperativeId, eventId);
        await _kit.WaitForOrdersAsync(db => db.LiveEvents.AnyAsync(e => e.Id == eventId && e.Status == LiveEventStatus.Ended), "Orders knows the event ended");
        Assert.Equal("LivestreamNotLive", (await buyer.Place(OrdersApi.Buy(elsewhere.ProductId, 1m, livestreamId: eventId))).Problem.GetProperty("reason").GetString());
        Assert.Equal((10_000L, 0L), await _kit.StockAsync(elsewhere.ProductId));
    }
}
