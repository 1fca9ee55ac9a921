using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using RuralCommerce.Catalog.Features.ScheduleLivestream;
using RuralCommerce.Cooperatives.Contracts;
using RuralCommerce.Orders.Domain.Livestreams;
using RuralCommerce.Orders.Features.LogisticsCentres;
using RuralCommerce.Orders.Persistence;
using RuralCommerce.TestSupport;
using RuralCommerce.TestSupport.Orders;

namespace RuralCommerce.Browser.Tests;

/// <summary>A parcel's way on 360 × 740 phones in Chinese: the seller packs and ships, the county centre's operator works its queue, the buyer confirms.</summary>
public sealed class FulfilmentJourneyTests(BrowserHost host) : IClassFixture<BrowserHost>
{
    [Fact]
    public async Task A_cash_on_delivery_parcel_goes_from_the_sellers_packing_list_through_the_county_centres_queue_to_the_buyer()
    {
        var scenario = await CatalogScenario.CreateAsync(host, "孝感米酒合作社");
        var seller = await scenario.AddSellerAsync("陈洁", "朱湖村");
        var wine = await scenario.ListedProductAsync(seller, CatalogTestData.RiceWine(price: 45.50m) with { Name = "孝感米酒 1 升", Unit = "Bottle", NetContent = null }, stock: 20m);
        await OrdersKnowAsync(db => db.SellableProducts.AnyAsync(p => p.Id == wine.ProductId && p.DeclaredMilli == 20_000));
        await OrdersKnowAsync(db => db.CooperativeLocations.AnyAsync(l => l.CooperativeId == scenario.CooperativeId));
        var platform = new OrdersApi(host.CreateAdminClient());
        var centre = (await platform.RegisterCentre(new RegisterCentreRequest("蒲江县物流配送中心", "Sichuan", "Pujiang", "车站路 1 号"))).Body;
        var (operatorPhone, operatorSession) = await host.NewVerifiedPersonAsync("刘洋");
        await platform.AppointOnceKnownAsync(centre.CentreId, await host.AccountIdAsync(operatorSession));
        var (buyerPhone, buyerSession) = await host.NewVerifiedPersonAsync("赵磊");
        var order = (await new OrdersApi(host.ClientFor(buyerSession)).Place(OrdersApi.Buy(wine.ProductId, 2m, "CashOnDelivery"))).Body;

        var sellerPage = await host.NewPhoneAsync();
        await host.SignInAsync(sellerPage, seller.Phone);
        await sellerPage.GotoAsync("/my/shipments");
        await Assertions.Expect(sellerPage.Locator(".cards li")).ToContainTextAsync("孝感米酒 1 升 × 2");
        await JourneyTests.CheckAsync(sellerPage, "shipments-to-pack");
        await sellerPage.GetByRole(AriaRole.Button, new() { Name = "已打包" }).ClickAsync();
        await Assertions.Expect(sellerPage.GetByRole(AriaRole.Status)).ToContainTextAsync("已更新");
        await sellerPage.GotoAsync("/my/shipments?status=Packed");
        await sellerPage.GetByLabel("快递公司").FillAsync("邮政 EMS");
        await sellerPage.GetByLabel("运单号").FillAsync("EMS1234567890");
        await JourneyTests.CheckAsync(sellerPage, "shipments-packed");
        await sellerPage.GetByRole(AriaRole.Button, new() { Name = "发往物流中心" }).ClickAsync();
        await Assertions.Expect(sellerPage.GetByRole(AriaRole.Status)).ToContainTextAsync("已更新");
        await sellerPage.GetByRole(AriaRole.Link, new() { Name = "待收退货" }).ClickAsync();
        await Assertions.Expect(sellerPage.Locator("main")).ToContainTextAsync("这里没有包裹");

        var operatorPage = await host.NewPhoneAsync();
        await host.SignInAsync(operatorPage, operatorPhone);
        await operatorPage.GotoAsync("/logistics");
        await operatorPage.GetByRole(AriaRole.Link, new() { Name = "蒲江县物流配送中心" }).ClickAsync();
        await Assertions.Expect(operatorPage.Locator(".cards li")).ToContainTextAsync("EMS1234567890");
        await JourneyTests.CheckAsync(operatorPage, "logistics-queue");
        await operatorPage.GetByRole(AriaRole.Button, new() { Name = "确认收货入站" }).ClickAsync();
        await Assertions.Expect(operatorPage.GetByRole(AriaRole.Status)).ToContainTextAsync("已更新");
        await operatorPage.GetByRole(AriaRole.Link, new() { Name = "物流中心已收货" }).ClickAsync();
        await operatorPage.GetByRole(AriaRole.Button, new() { Name = "出站派送" }).ClickAsync();
        await Assertions.Expect(operatorPage.GetByRole(AriaRole.Status)).ToContainTextAsync("已更新");
        await operatorPage.GetByRole(AriaRole.Link, new() { Name = "派送中" }).ClickAsync();
        await Assertions.Expect(operatorPage.Locator(".cards li")).ToContainTextAsync("货到付款：收取 ¥91.00");
        await JourneyTests.CheckAsync(operatorPage, "logistics-deliver");
        await operatorPage.GetByRole(AriaRole.Button, new() { Name = "确认送达" }).ClickAsync();
        await Assertions.Expect(operatorPage.GetByRole(AriaRole.Status)).ToContainTextAsync("已更新");

        var buyerPage = await host.NewPhoneAsync();
        await host.SignInAsync(buyerPage, buyerPhone);
        await buyerPage.GotoAsync($"/my/orders/{order.OrderId}");
        await Assertions.Expect(buyerPage.Locator("dl")).ToContainTextAsync("已送达");
        await Assertions.Expect(buyerPage.Locator(".cards").Nth(1)).ToContainTextAsync("EMS1234567890");
        await JourneyTests.CheckAsync(buyerPage, "tracking");
        await buyerPage.GetByRole(AriaRole.Button, new() { Name = "确认收货" }).ClickAsync();
        await Assertions.Expect(buyerPage.GetByRole(AriaRole.Status)).ToContainTextAsync("订单完成");
        await Assertions.Expect(buyerPage.Locator("dl")).ToContainTextAsync("已完成");
    }

    [Fact]
    public async Task An_administrator_imports_a_Douyin_export_and_sees_every_rows_outcome()
    {
        var scenario = await CatalogScenario.CreateAsync(host, "孝感米酒合作社", province: "Hubei");
        var seller = await scenario.AddSellerAsync("陈洁", "朱湖村");
        var wine = await scenario.ListedProductAsync(seller, CatalogTestData.RiceWine(price: 45.50m) with { Unit = "Bottle", NetContent = null }, stock: 20m);
        await OrdersKnowAsync(db => db.SellableProducts.AnyAsync(p => p.Id == wine.ProductId && p.DeclaredMilli == 20_000));
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var csv = Encoding.GetEncoding("GB18030").GetBytes(
            $"平台订单号,商品编码,数量,实付金额,省份,区县,支付时间\r\nDY-1,{wine.Code},2,80.00,湖北省,孝南区,2026-11-28 20:15:00\r\nDY-2,没有这个,1,40.00,湖北省,孝南区,2026-11-28 20:16:00\r\n");
        var page = await host.NewPhoneAsync();
        await host.SignInAsync(page, scenario.Cooperative.AdminPhone);

        await page.GotoAsync($"/cooperatives/{scenario.CooperativeId}/imports");
        await page.GetByLabel("订单文件（CSV，最大 2 MB）").SetInputFilesAsync(new FilePayload { Name = "抖音订单.csv", MimeType = "text/csv", Buffer = csv });
        await page.GetByRole(AriaRole.Button, new() { Name = "导入" }).ClickAsync();

        await Assertions.Expect(page.Locator(".notice")).ToContainTextAsync("导入 1 单");
        await Assertions.Expect(page.Locator(".cards")).ToContainTextAsync("未知商品");
        await JourneyTests.CheckAsync(page, "import-report");
        await page.GotoAsync($"/cooperatives/{scenario.CooperativeId}/refunds");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("没有退款申请");
        await JourneyTests.CheckAsync(page, "refunds");
    }

    [Fact]
    public async Task The_hosts_live_tally_counts_an_order_without_reloading()
    {
        var scenario = await CatalogScenario.CreateAsync(host, "孝感米酒合作社", province: "Hunan");
        var seller = await scenario.AddSellerAsync("陈洁", "朱湖村");
        var wine = await scenario.ListedProductAsync(seller, CatalogTestData.RiceWine(price: 45.50m) with { Name = "孝感米酒 1 升", Unit = "Bottle", NetContent = null }, stock: 20m);
        var liveHost = await scenario.AddMemberAsync("刘洋", "朱湖村", MemberRoles.LivestreamHost);
        var plan = new LivestreamPlanRequest("米酒之夜", DateTimeOffset.UtcNow.AddHours(1), DateTimeOffset.UtcNow.AddHours(4), "Douyin", null);
        var eventId = (await liveHost.Catalog.ScheduleLivestream(scenario.CooperativeId, plan)).Body.EventId;
        await liveHost.Catalog.Feature(scenario.CooperativeId, eventId, wine.ProductId, livestreamPrice: 39.90m, cap: null);
        await liveHost.Catalog.StartLivestream(scenario.CooperativeId, eventId);
        await OrdersKnowAsync(db => db.LiveEvents.AnyAsync(e => e.Id == eventId && e.Status == LiveEventStatus.Live));
        await OrdersKnowAsync(db => db.LiveOffers.AnyAsync(o => o.LivestreamId == eventId && o.Featured));
        var page = await host.NewPhoneAsync();
        await host.SignInAsync(page, liveHost.Phone);
        await page.GotoAsync($"/cooperatives/{scenario.CooperativeId}/livestreams/{eventId}");
        await page.GetByRole(AriaRole.Link, new() { Name = "实时战报" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-tally=orders]")).ToHaveTextAsync("0");
        await Assertions.Expect(page.Locator("[data-live=true]")).ToBeVisibleAsync();

        var (_, buyer) = await host.NewVerifiedPersonAsync("赵磊");
        await new OrdersApi(host.ClientFor(buyer)).Place(OrdersApi.Buy(wine.ProductId, 3m, livestreamId: eventId));

        await Assertions.Expect(page.Locator("[data-tally=orders]")).ToHaveTextAsync("1");
        await Assertions.Expect(page.Locator("[data-tally=gmv]")).ToContainTextAsync("119.70");
        await JourneyTests.CheckAsync(page, "live-tally");
    }

    private Task OrdersKnowAsync(Func<OrdersDbContext, Task<bool>> condition) => Eventually.HoldsAsync(async () =>
    {
        await using var scope = host.Services.CreateAsyncScope();
        return await condition(scope.ServiceProvider.GetRequiredService<OrdersDbContext>());
    }, "Orders caught up");
}
