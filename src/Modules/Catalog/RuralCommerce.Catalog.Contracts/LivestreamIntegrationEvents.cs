using RuralCommerce.SharedKernel;

namespace RuralCommerce.Catalog.Contracts;

/// <summary>Something happened to one livestream event: delivered in order per event.</summary>
public abstract record LivestreamIntegrationEvent(Guid LivestreamId) : IntegrationEvent
{
    public override string PartitionKey => $"livestream:{LivestreamId}";
}

/// <summary><paramref name="Platform"/>: Douyin, Kuaishou, TaobaoLive, WeChatChannels or Other.</summary>
public sealed record LivestreamScheduledIntegrationEvent(
    Guid LivestreamId, Guid CooperativeId, Guid HostMemberId, string Title, DateTimeOffset PlannedStart, DateTimeOffset PlannedEnd, string Platform)
    : LivestreamIntegrationEvent(LivestreamId);

/// <summary>The event is live: from now its featured products sell at their livestream prices, within their caps.</summary>
public sealed record LivestreamStartedIntegrationEvent(Guid LivestreamId, Guid CooperativeId, Guid HostMemberId, DateTimeOffset StartedAt)
    : LivestreamIntegrationEvent(LivestreamId);

/// <summary>The event ended: its prices no longer apply.</summary>
public sealed record LivestreamEndedIntegrationEvent(Guid LivestreamId, DateTimeOffset EndedAt)
    : LivestreamIntegrationEvent(LivestreamId);

public sealed record LivestreamCancelledIntegrationEvent(Guid LivestreamId)
    : LivestreamIntegrationEvent(LivestreamId);

/// <summary>
/// A product is on the event's shelf (or its terms changed): <paramref name="LivestreamPriceFen"/> null means the list
/// price; <paramref name="QuantityCap"/> null means no cap for the event.
/// </summary>
public sealed record ProductFeaturedIntegrationEvent(Guid LivestreamId, Guid ProductId, long? LivestreamPriceFen, decimal? QuantityCap)
    : LivestreamIntegrationEvent(LivestreamId);

public sealed record ProductUnfeaturedIntegrationEvent(Guid LivestreamId, Guid ProductId)
    : LivestreamIntegrationEvent(LivestreamId);

/// <summary>The host is showing this product now.</summary>
public sealed record ProductPinnedIntegrationEvent(Guid LivestreamId, Guid ProductId)
    : LivestreamIntegrationEvent(LivestreamId);
