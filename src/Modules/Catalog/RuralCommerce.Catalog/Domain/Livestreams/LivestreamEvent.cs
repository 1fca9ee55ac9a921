using RuralCommerce.Catalog.Domain.Members;
using RuralCommerce.Catalog.Domain.Products;
using RuralCommerce.SharedKernel;

namespace RuralCommerce.Catalog.Domain.Livestreams;

internal readonly record struct LivestreamEventId(Guid Value) : IStronglyTypedId<LivestreamEventId>
{
    public static LivestreamEventId From(Guid value) => new(value);
}

internal enum LivestreamPlatform
{
    Douyin,
    Kuaishou,
    TaobaoLive,
    WeChatChannels,
    Other,
}

internal enum LivestreamStatus
{
    Scheduled,
    Live,
    Ended,
    Cancelled,
}

/// <summary>When and where an event streams, as its host plans it.</summary>
internal sealed record LivestreamPlan(string Title, DateTimeOffset PlannedStart, DateTimeOffset PlannedEnd, LivestreamPlatform Platform, string? StreamUrl);

internal sealed record LivestreamScheduled(LivestreamEvent Event) : IDomainEvent;

internal sealed record LivestreamStatusChanged(LivestreamEvent Event) : IDomainEvent;

internal sealed record ProductFeatured(LivestreamEvent Event, FeaturedProduct Product) : IDomainEvent;

internal sealed record ProductUnfeatured(LivestreamEvent Event, ProductId ProductId) : IDomainEvent;

internal sealed record ProductPinned(LivestreamEvent Event, ProductId ProductId) : IDomainEvent;

/// <summary>
/// A cooperative's livestream sale: scheduled by a livestream host, live for a few hours with featured products at
/// livestream prices (only while live do those prices apply), then ended — or cancelled before it starts.
/// </summary>
internal sealed class LivestreamEvent : AggregateRoot
{
    private readonly List<FeaturedProduct> _featured = [];

    private LivestreamEvent()
    {
    }

    public LivestreamEventId Id { get; private set; }

    public Guid CooperativeId { get; private set; }

    public Guid HostMemberId { get; private set; }

    public string Title { get; private set; } = "";

    public DateTimeOffset PlannedStart { get; private set; }

    public DateTimeOffset PlannedEnd { get; private set; }

    public LivestreamPlatform Platform { get; private set; }

    public string? StreamUrl { get; private set; }

    public LivestreamStatus Status { get; private set; }

    public DateTimeOffset? StartedAt { get; private set; }

    public DateTimeOffset? EndedAt { get; private set; }

    public ProductId? PinnedProductId { get; private set; }

    public IReadOnlyList<FeaturedProduct> Featured => _featured.OrderBy(f => f.FeaturedAt).ToList();

    public static LivestreamEvent Schedule(LivestreamEventId id, Cooperative cooperative, Member host, LivestreamPlan plan, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(cooperative);
        ArgumentNullException.ThrowIfNull(host);
        ArgumentNullException.ThrowIfNull(plan);
        CheckRule(new OnlyAnActiveHostOfAnActiveCooperativeSchedulesRule(cooperative, host));
        CheckRule(new AnEventEndsAfterItStartsAndInTheFutureRule(plan, now));
        var livestream = new LivestreamEvent
        {
            Id = id,
            CooperativeId = cooperative.Id,
            HostMemberId = host.Id,
            Status = LivestreamStatus.Scheduled,
        };
        livestream.Apply(plan);
        livestream.AddDomainEvent(new LivestreamScheduled(livestream));
        return livestream;
    }

    public void Replan(LivestreamPlan plan, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(plan);
        CheckRule(new OnlyAScheduledEventChangesRule(this, "replanned"));
        CheckRule(new AnEventEndsAfterItStartsAndInTheFutureRule(plan, now));
        Apply(plan);
    }

    public void Start(DateTimeOffset now)
    {
        CheckRule(new OnlyAScheduledEventChangesRule(this, "started"));
        Status = LivestreamStatus.Live;
        StartedAt = now;
        AddDomainEvent(new LivestreamStatusChanged(this));
    }

    public void End(DateTimeOffset now)
    {
        CheckRule(new OnlyALiveEventEndsRule(this));
        Status = LivestreamStatus.Ended;
        EndedAt = now;
        PinnedProductId = null;
        AddDomainEvent(new LivestreamStatusChanged(this));
    }

    public void Cancel(DateTimeOffset now)
    {
        CheckRule(new OnlyAScheduledEventChangesRule(this, "cancelled"));
        Status = LivestreamStatus.Cancelled;
        EndedAt = now;
        AddDomainEvent(new LivestreamStatusChanged(this));
    }

    /// <summary>Features a listed product of the event's cooperative, or changes its livestream price and cap.</summary>
    public FeaturedProduct Feature(Product product, Money? livestreamPrice, decimal? quantityCap, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(product);
        CheckRule(new OnlyAnUpcomingOrLiveEventFeaturesRule(this));
        CheckRule(new OnlyTheCooperativesListedProductsAreFeaturedRule(this, product));
        CheckRule(new LivestreamPriceCannotExceedTheListPriceRule(product, livestreamPrice));
        CheckRule(new QuantityCapMustSuitTheUnitRule(product.Unit, quantityCap));
        var featured = _featured.SingleOrDefault(f => f.ProductId == product.Id);
        if (featured is null)
        {
            featured = new FeaturedProduct(Id, product.Id, now);
            _featured.Add(featured);
        }

        featured.Set(livestreamPrice, quantityCap);
        AddDomainEvent(new ProductFeatured(this, featured));
        return featured;
    }

    public void Unfeature(ProductId productId)
    {
        CheckRule(new OnlyAnUpcomingOrLiveEventFeaturesRule(this));
        var featured = _featured.SingleOrDefault(f => f.ProductId == productId) ?? throw new NotFoundException("Featured product", productId.Value);
        _featured.Remove(featured);
        if (PinnedProductId == productId)
        {
            PinnedProductId = null;
        }

        AddDomainEvent(new ProductUnfeatured(this, productId));
    }

    /// <summary>While live, the host shows one featured product at a time.</summary>
    public void Pin(ProductId productId)
    {
        CheckRule(new OnlyALiveEventPinsRule(this));
        CheckRule(new OnlyAFeaturedProductIsPinnedRule(_featured.Any(f => f.ProductId == productId)));
        PinnedProductId = productId;
        AddDomainEvent(new ProductPinned(this, productId));
    }

    private void Apply(LivestreamPlan plan)
    {
        Title = plan.Title;
        PlannedStart = plan.PlannedStart;
        PlannedEnd = plan.PlannedEnd;
        Platform = plan.Platform;
        StreamUrl = plan.StreamUrl;
    }
}

/// <summary>A product on an event's shelf: its livestream price (null: the list price) and how much may sell in the event.</summary>
internal sealed class FeaturedProduct
{
    private FeaturedProduct()
    {
    }

    public FeaturedProduct(LivestreamEventId eventId, ProductId productId, DateTimeOffset featuredAt)
    {
        EventId = eventId;
        ProductId = productId;
        FeaturedAt = featuredAt;
    }

    public LivestreamEventId EventId { get; private set; }

    public ProductId ProductId { get; private set; }

    public long? LivestreamPriceFen { get; private set; }

    public Money? LivestreamPrice => LivestreamPriceFen is { } fen ? Money.FromFen(fen) : null;

    public decimal? QuantityCap { get; private set; }

    public DateTimeOffset FeaturedAt { get; private set; }

    public void Set(Money? livestreamPrice, decimal? quantityCap)
    {
        LivestreamPriceFen = livestreamPrice?.ToFen();
        QuantityCap = quantityCap;
    }
}
