using RuralCommerce.Catalog.Domain.Livestreams;
using RuralCommerce.Catalog.Domain.Members;
using RuralCommerce.Catalog.Domain.Products;
using RuralCommerce.Cooperatives.Contracts;
using RuralCommerce.SharedKernel;
using static RuralCommerce.TestSupport.RuleAssert;

namespace RuralCommerce.Catalog.Tests;

public sealed class LivestreamDomainTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 29, 8, 0, 0, TimeSpan.Zero);
    private readonly Cooperative _cooperative = Cooperative.Registered(Guid.NewGuid(), "Hubei Rice Wine Cooperative", "Hubei", "Xiaonan", "Zhuhe");
    private readonly Member _host;
    private readonly Member _seller;

    public LivestreamDomainTests()
    {
        _host = Member.Joined(_cooperative.Id, Guid.NewGuid(), "Liu Yang", "Zhuhe", [MemberRoles.LivestreamHost]);
        _seller = Member.Joined(_cooperative.Id, Guid.NewGuid(), "Chen Jie", "Zhuhe", [MemberRoles.Seller]);
    }

    private static LivestreamPlan Plan(double startInHours = 24, double hours = 4) =>
        new("Rice wine night", Now.AddHours(startInHours), Now.AddHours(startInHours + hours), LivestreamPlatform.Douyin, null);

    private LivestreamEvent Scheduled() => LivestreamEvent.Schedule(new LivestreamEventId(Guid.NewGuid()), _cooperative, _host, Plan(), Now);

    private Product Wine(decimal price = 45.50m, Cooperative? cooperative = null, bool listed = true)
    {
        var owner = cooperative ?? _cooperative;
        var seller = owner == _cooperative ? _seller : Member.Joined(owner.Id, Guid.NewGuid(), "Other", "X", [MemberRoles.Seller]);
        var product = Product.Draft(new ProductId(Guid.NewGuid()), owner, seller, "MJ-1",
            new ProductDetails("Rice wine", ProductCategory.RiceWine, "", SaleUnit.Bottle, null, Money.Yuan(price), "Xiaonan", "Zhuhe"), Now);
        if (listed)
        {
            product.List(owner, seller, Now);
        }

        return product;
    }

    [Fact]
    public void Only_an_active_host_of_an_active_cooperative_schedules_and_the_event_must_end_after_it_starts_in_the_future()
    {
        AssertBrokenRule<OnlyAnActiveHostOfAnActiveCooperativeSchedulesRule>(() =>
            LivestreamEvent.Schedule(new LivestreamEventId(Guid.NewGuid()), _cooperative, _seller, Plan(), Now));
        AssertBrokenRule<AnEventEndsAfterItStartsAndInTheFutureRule>(() =>
            LivestreamEvent.Schedule(new LivestreamEventId(Guid.NewGuid()), _cooperative, _host, Plan(startInHours: -10), Now));
        AssertBrokenRule<AnEventEndsAfterItStartsAndInTheFutureRule>(() =>
            LivestreamEvent.Schedule(new LivestreamEventId(Guid.NewGuid()), _cooperative, _host, Plan(hours: -1), Now));

        var scheduled = Scheduled();
        Assert.Equal(LivestreamStatus.Scheduled, scheduled.Status);
        Assert.IsType<LivestreamScheduled>(Assert.Single(scheduled.DomainEvents));
    }

    [Fact]
    public void The_states_run_scheduled_live_ended_or_scheduled_cancelled_and_never_back()
    {
        var livestream = Scheduled();
        livestream.Start(Now);
        AssertBrokenRule<OnlyAScheduledEventChangesRule>(() => livestream.Cancel(Now));
        AssertBrokenRule<OnlyAScheduledEventChangesRule>(() => livestream.Replan(Plan(), Now));
        livestream.End(Now.AddHours(4));
        AssertBrokenRule<OnlyAScheduledEventChangesRule>(() => livestream.Start(Now));
        AssertBrokenRule<OnlyALiveEventEndsRule>(() => livestream.End(Now));

        var cancelled = Scheduled();
        cancelled.Cancel(Now);
        AssertBrokenRule<OnlyALiveEventEndsRule>(() => cancelled.End(Now));
        Assert.Equal(LivestreamStatus.Cancelled, cancelled.Status);
    }

    [Fact]
    public void Featuring_needs_a_listed_product_of_the_cooperative_at_no_more_than_its_list_price()
    {
        var livestream = Scheduled();
        var elsewhere = Cooperative.Registered(Guid.NewGuid(), "Other", "Guizhou", "Leishan", "Xijiang");

        AssertBrokenRule<OnlyTheCooperativesListedProductsAreFeaturedRule>(() => livestream.Feature(Wine(cooperative: elsewhere), null, null, Now));
        AssertBrokenRule<OnlyTheCooperativesListedProductsAreFeaturedRule>(() => livestream.Feature(Wine(listed: false), null, null, Now));
        AssertBrokenRule<LivestreamPriceCannotExceedTheListPriceRule>(() => livestream.Feature(Wine(45.50m), Money.Yuan(45.51m), null, Now));
        AssertBrokenRule<QuantityCapMustSuitTheUnitRule>(() => livestream.Feature(Wine(), null, 0.5m, Now));
        AssertBrokenRule<QuantityCapMustSuitTheUnitRule>(() => livestream.Feature(Wine(), null, 0m, Now));

        var wine = Wine(45.50m);
        livestream.Feature(wine, Money.Yuan(39.90m), 200m, Now);
        var featured = livestream.Feature(wine, Money.Yuan(35m), null, Now);
        Assert.Equal((3500L, (decimal?)null), (featured.LivestreamPriceFen, featured.QuantityCap));
        Assert.Single(livestream.Featured);
    }

    [Fact]
    public void Only_a_featured_product_is_pinned_only_while_live_and_one_at_a_time()
    {
        var livestream = Scheduled();
        var first = Wine();
        var second = Wine();
        livestream.Feature(first, null, null, Now);
        livestream.Feature(second, null, null, Now);
        AssertBrokenRule<OnlyALiveEventPinsRule>(() => livestream.Pin(first.Id));

        livestream.Start(Now);
        AssertBrokenRule<OnlyAFeaturedProductIsPinnedRule>(() => livestream.Pin(new ProductId(Guid.NewGuid())));
        livestream.Pin(first.Id);
        livestream.Pin(second.Id);
        Assert.Equal(second.Id, livestream.PinnedProductId);

        livestream.Unfeature(second.Id);
        Assert.Null(livestream.PinnedProductId);
        livestream.End(Now);
        AssertBrokenRule<OnlyAnUpcomingOrLiveEventFeaturesRule>(() => livestream.Feature(Wine(), null, null, Now));
        AssertBrokenRule<OnlyAnUpcomingOrLiveEventFeaturesRule>(() => livestream.Unfeature(first.Id));
    }
}
