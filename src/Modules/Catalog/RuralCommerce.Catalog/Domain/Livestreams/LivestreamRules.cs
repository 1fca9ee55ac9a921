using RuralCommerce.Catalog.Domain.Members;
using RuralCommerce.Catalog.Domain.Products;
using RuralCommerce.SharedKernel;

namespace RuralCommerce.Catalog.Domain.Livestreams;

internal sealed class OnlyAnActiveHostOfAnActiveCooperativeSchedulesRule(Cooperative cooperative, Member host) : IBusinessRule
{
    public string Message => "Only an active member with the LivestreamHost role of an active cooperative schedules livestream events.";

    public bool IsBroken() => !cooperative.IsActive || !host.IsActiveHost || host.CooperativeId != cooperative.Id;
}

internal sealed class AnEventEndsAfterItStartsAndInTheFutureRule(LivestreamPlan plan, DateTimeOffset now) : IBusinessRule
{
    public string Message => "A livestream must end after it starts, and not in the past.";

    public bool IsBroken() => plan.PlannedEnd <= plan.PlannedStart || plan.PlannedEnd <= now;
}

internal sealed class OnlyAScheduledEventChangesRule(LivestreamEvent livestream, string change) : IBusinessRule
{
    public string Message => $"Only a scheduled event can be {change}; this one is {livestream.Status}.";

    public bool IsBroken() => livestream.Status != LivestreamStatus.Scheduled;
}

internal sealed class OnlyALiveEventEndsRule(LivestreamEvent livestream) : IBusinessRule
{
    public string Message => $"Only a live event can end; this one is {livestream.Status}.";

    public bool IsBroken() => livestream.Status != LivestreamStatus.Live;
}

internal sealed class OnlyAnUpcomingOrLiveEventFeaturesRule(LivestreamEvent livestream) : IBusinessRule
{
    public string Message => $"Products are featured before or during an event; this one is {livestream.Status}.";

    public bool IsBroken() => livestream.Status is not (LivestreamStatus.Scheduled or LivestreamStatus.Live);
}

internal sealed class OnlyTheCooperativesListedProductsAreFeaturedRule(LivestreamEvent livestream, Product product) : IBusinessRule
{
    public string Message => product.CooperativeId != livestream.CooperativeId
        ? "An event features only its own cooperative's products."
        : "Only a listed product can be featured.";

    public bool IsBroken() => product.CooperativeId != livestream.CooperativeId || product.Status != ProductStatus.Listed;
}

internal sealed class LivestreamPriceCannotExceedTheListPriceRule(Product product, Money? livestreamPrice) : IBusinessRule
{
    public string Message => $"The livestream price cannot be above the list price ({product.ListPrice.Amount:0.00} yuan).";

    public bool IsBroken() => livestreamPrice is { } price && price > product.ListPrice;
}

internal sealed class QuantityCapMustSuitTheUnitRule(SaleUnit unit, decimal? cap) : IBusinessRule
{
    public string Message => "The quantity cap must be positive, in the product's unit of sale.";

    public bool IsBroken() => cap is { } q && (q <= 0m || !unit.Suits(q));
}

internal sealed class OnlyALiveEventPinsRule(LivestreamEvent livestream) : IBusinessRule
{
    public string Message => $"A product is pinned only while the event is live; this one is {livestream.Status}.";

    public bool IsBroken() => livestream.Status != LivestreamStatus.Live;
}

internal sealed class OnlyAFeaturedProductIsPinnedRule(bool featured) : IBusinessRule
{
    public string Message => "Feature the product in this event before pinning it.";

    public bool IsBroken() => !featured;
}
