namespace RuralCommerce.Orders.Domain.Livestreams;

internal enum LiveEventStatus
{
    Scheduled,
    Live,
    Ended,
    Cancelled,
}

/// <summary>
/// Orders' copy of a Catalog livestream event: whose it is, who hosts it and whether it is live — only a live event's
/// prices apply.
/// </summary>
internal sealed class LiveEvent
{
    private LiveEvent()
    {
    }

    public Guid Id { get; private set; }

    public Guid CooperativeId { get; private set; }

    public Guid HostMemberId { get; private set; }

    public string Title { get; private set; } = "";

    public LiveEventStatus Status { get; private set; }

    public static LiveEvent Scheduled(Guid id, Guid cooperativeId, Guid hostMemberId, string title) =>
        new() { Id = id, CooperativeId = cooperativeId, HostMemberId = hostMemberId, Title = title, Status = LiveEventStatus.Scheduled };

    public void Start(Guid hostMemberId)
    {
        HostMemberId = hostMemberId;
        Status = LiveEventStatus.Live;
    }

    public void MoveTo(LiveEventStatus status) => Status = status;
}

/// <summary>
/// A product on a live event's shelf: its livestream price (none: the list price), its cap for the event in thousandths
/// of a unit (none: no cap) and how much orders hold of it. A capped sale is one conditional update of
/// <see cref="SoldMilli"/>, like the stock reservation.
/// </summary>
internal sealed class LiveOffer
{
    private LiveOffer()
    {
    }

    public Guid LivestreamId { get; private set; }

    public Guid ProductId { get; private set; }

    public long? PriceFen { get; private set; }

    public long? CapMilli { get; private set; }

    public bool Featured { get; private set; }

    public long SoldMilli { get; private set; }

    public static LiveOffer For(Guid livestreamId, Guid productId) => new() { LivestreamId = livestreamId, ProductId = productId };

    public void Feature(long? priceFen, long? capMilli)
    {
        PriceFen = priceFen;
        CapMilli = capMilli;
        Featured = true;
    }

    public void Unfeature() => Featured = false;
}
