using System.Net;
using Microsoft.EntityFrameworkCore;
using RuralCommerce.Catalog.Contracts;
using RuralCommerce.Catalog.Features.ScheduleLivestream;
using RuralCommerce.Cooperatives.Contracts;

namespace RuralCommerce.Catalog.Tests;

public sealed class LivestreamApiTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private static LivestreamPlanRequest FourHourSale(int daysAhead = 3, string title = "Hubei rice wine night") =>
        new(title, DateTimeOffset.UtcNow.AddDays(daysAhead), DateTimeOffset.UtcNow.AddDays(daysAhead).AddHours(4), "Douyin", "https://live.douyin.com/123456");

    private async Task<(CatalogScenario Scenario, SignedInMember Host, SignedInMember Seller)> RiceWineCooperativeAsync()
    {
        var scenario = await CatalogScenario.CreateAsync(factory, "Hubei Rice Wine Cooperative");
        var host = await scenario.AddMemberAsync("Liu Yang", "Zhuhe", MemberRoles.LivestreamHost);
        var seller = await scenario.AddSellerAsync("Chen Jie", "Zhuhe");
        return (scenario, host, seller);
    }

    [Fact]
    public async Task A_host_schedules_a_four_hour_sale_features_products_at_livestream_prices_goes_live_pins_and_ends()
    {
        var (scenario, host, seller) = await RiceWineCooperativeAsync();
        var coop = scenario.CooperativeId;
        var wine = await scenario.ListedProductAsync(seller, CatalogTestData.RiceWine(price: 45.50m), stock: 300m);
        var gift = await scenario.ListedProductAsync(seller, CatalogTestData.RiceWine(price: 120m) with { Name = "Gift box" });

        var scheduled = await host.Catalog.ScheduleLivestream(coop, FourHourSale());
        Assert.Equal(HttpStatusCode.Created, scheduled.Status);
        var id = scheduled.Body.EventId;
        Assert.Equal(("Scheduled", "Douyin", "Liu Yang"), (scheduled.Body.Status, scheduled.Body.Platform, scheduled.Body.HostName));

        await host.Catalog.Feature(coop, id, wine.ProductId, livestreamPrice: 39.90m, cap: 200m);
        var featured = (await host.Catalog.Feature(coop, id, gift.ProductId)).Body.Featured;
        Assert.Equal([(wine.ProductId, (decimal?)39.90m, (decimal?)200m), (gift.ProductId, null, null)],
            featured.Select(f => (f.ProductId, f.LivestreamPrice, f.QuantityCap)));
        Assert.Null((await scenario.Anonymous.ShopProduct(wine.ProductId)).Body.Live);

        Assert.Equal("Live", (await host.Catalog.StartLivestream(coop, id)).Body.Status);
        Assert.Equal(wine.ProductId, (await host.Catalog.Pin(coop, id, wine.ProductId)).Body.PinnedProductId);
        var live = (await scenario.Anonymous.ShopProduct(wine.ProductId)).Body.Live;
        Assert.Equal((id, 39.90m, (decimal?)200m), (live!.EventId, live.Price, live.QuantityCap));
        Assert.Equal(120m, (await scenario.Anonymous.ShopProduct(gift.ProductId)).Body.Live!.Price);
        var shop = (await scenario.Anonymous.ShopLivestreams($"?cooperativeId={coop}")).Body;
        Assert.Equal((id, "Live", (Guid?)wine.ProductId), (shop[0].EventId, shop[0].Status, shop[0].PinnedProductId));

        var ended = (await host.Catalog.EndLivestream(coop, id)).Body;
        Assert.Equal(("Ended", (Guid?)null), (ended.Status, ended.PinnedProductId));
        Assert.Null((await scenario.Anonymous.ShopProduct(wine.ProductId)).Body.Live);
        Assert.Empty((await scenario.Anonymous.ShopLivestreams($"?cooperativeId={coop}")).Body);
        Assert.Equal("OnlyAScheduledEventChangesRule", (await host.Catalog.StartLivestream(coop, id)).BrokenRule);

        await scenario.WaitUntilCatalogAsync(async db =>
        {
            var types = await db.OutboxMessages.Where(m => m.PartitionKey == $"livestream:{id}").OrderBy(m => m.OccurredAt).Select(m => m.Type).ToListAsync();
            return types.Select(t => t.Split(',')[0].Split('.')[^1]).SequenceEqual(
            [
                nameof(LivestreamScheduledIntegrationEvent), nameof(ProductFeaturedIntegrationEvent), nameof(ProductFeaturedIntegrationEvent),
                nameof(LivestreamStartedIntegrationEvent), nameof(ProductPinnedIntegrationEvent), nameof(LivestreamEndedIntegrationEvent),
            ]);
        }, "the event's notifications are published in order");
    }

    [Fact]
    public async Task Featuring_another_cooperatives_or_a_delisted_product_or_a_price_above_the_list_price_changes_nothing()
    {
        var (scenario, host, seller) = await RiceWineCooperativeAsync();
        var coop = scenario.CooperativeId;
        var wine = await scenario.ListedProductAsync(seller, CatalogTestData.RiceWine(price: 45.50m));
        var delisted = await scenario.ListedProductAsync(seller);
        await seller.Catalog.Delist(coop, delisted.ProductId);
        var mushrooms = await CatalogScenario.CreateAsync(factory);
        var foreign = await mushrooms.ListedProductAsync(await mushrooms.AddSellerAsync());
        var id = (await host.Catalog.ScheduleLivestream(coop, FourHourSale())).Body.EventId;

        Assert.Equal("LivestreamPriceCannotExceedTheListPriceRule", (await host.Catalog.Feature(coop, id, wine.ProductId, livestreamPrice: 45.51m)).BrokenRule);
        Assert.Equal("OnlyTheCooperativesListedProductsAreFeaturedRule", (await host.Catalog.Feature(coop, id, foreign.ProductId)).BrokenRule);
        Assert.Equal("OnlyTheCooperativesListedProductsAreFeaturedRule", (await host.Catalog.Feature(coop, id, delisted.ProductId)).BrokenRule);
        Assert.Equal("QuantityCapMustSuitTheUnitRule", (await host.Catalog.Feature(coop, id, wine.ProductId, cap: 2.5m)).BrokenRule);
        Assert.Contains("livestreamPrice", (await host.Catalog.Feature(coop, id, wine.ProductId, livestreamPrice: -1m)).FieldErrors.Keys);
        Assert.Equal("OnlyALiveEventPinsRule", (await host.Catalog.Pin(coop, id, wine.ProductId)).BrokenRule);

        Assert.Empty((await host.Catalog.Livestreams(coop)).Body.Items.Single().Featured);
    }

    [Fact]
    public async Task Schedules_that_make_no_sense_are_refused()
    {
        var (scenario, host, _) = await RiceWineCooperativeAsync();
        var coop = scenario.CooperativeId;
        var now = DateTimeOffset.UtcNow;

        var bad = await host.Catalog.ScheduleLivestream(coop, new LivestreamPlanRequest("", now.AddDays(1), now.AddDays(3), "MySpace", "ftp://x"));
        Assert.Equal(["platform", "title"], bad.FieldErrors.Keys.Order(StringComparer.Ordinal));
        var senseless = await host.Catalog.ScheduleLivestream(coop, new LivestreamPlanRequest("米酒专场", now.AddDays(1), now.AddDays(3), "Douyin", "ftp://x"));
        Assert.Equal(["plannedEnd", "streamUrl"], senseless.FieldErrors.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("AnEventEndsAfterItStartsAndInTheFutureRule",
            (await host.Catalog.ScheduleLivestream(coop, new LivestreamPlanRequest("Past", now.AddDays(-2), now.AddDays(-2).AddHours(4), "Kuaishou", null))).BrokenRule);
        Assert.Equal("AnEventEndsAfterItStartsAndInTheFutureRule",
            (await host.Catalog.ScheduleLivestream(coop, new LivestreamPlanRequest("Backwards", now.AddDays(2), now.AddDays(1), "Kuaishou", null))).BrokenRule);
        Assert.Equal(0, (await host.Catalog.Livestreams(coop)).Body.TotalCount);
    }

    [Fact]
    public async Task Only_hosts_schedule_and_only_the_events_host_or_an_administrator_runs_it()
    {
        var (scenario, host, seller) = await RiceWineCooperativeAsync();
        var otherHost = await scenario.AddMemberAsync("Ma Li", "Zhuhe", MemberRoles.LivestreamHost);
        var coop = scenario.CooperativeId;
        var id = (await host.Catalog.ScheduleLivestream(coop, FourHourSale())).Body.EventId;

        Assert.Equal(HttpStatusCode.Forbidden, (await seller.Catalog.ScheduleLivestream(coop, FourHourSale())).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await otherHost.Catalog.StartLivestream(coop, id)).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await seller.Catalog.CancelLivestream(coop, id)).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await scenario.Anonymous.StartLivestream(coop, id)).Status);

        var replanned = (await scenario.Admin.ReplanLivestream(coop, id, FourHourSale(5, "Moved to the weekend"))).Body;
        Assert.Equal("Moved to the weekend", replanned.Title);
        Assert.Equal("Cancelled", (await host.Catalog.CancelLivestream(coop, id)).Body.Status);
        Assert.Equal("OnlyAScheduledEventChangesRule", (await host.Catalog.StartLivestream(coop, id)).BrokenRule);
    }

    [Fact]
    public async Task Unfeaturing_the_pinned_product_unpins_it()
    {
        var (scenario, host, seller) = await RiceWineCooperativeAsync();
        var coop = scenario.CooperativeId;
        var wine = await scenario.ListedProductAsync(seller, CatalogTestData.RiceWine());
        var id = (await host.Catalog.ScheduleLivestream(coop, FourHourSale())).Body.EventId;
        await host.Catalog.Feature(coop, id, wine.ProductId, 30m);
        await host.Catalog.StartLivestream(coop, id);
        await host.Catalog.Pin(coop, id, wine.ProductId);

        var after = (await host.Catalog.Unfeature(coop, id, wine.ProductId)).Body;

        Assert.Null(after.PinnedProductId);
        Assert.Empty(after.Featured);
        Assert.Equal("OnlyAFeaturedProductIsPinnedRule", (await host.Catalog.Pin(coop, id, wine.ProductId)).BrokenRule);
    }
}
