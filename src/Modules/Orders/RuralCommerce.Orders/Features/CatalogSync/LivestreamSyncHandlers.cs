using Microsoft.EntityFrameworkCore;
using RuralCommerce.Catalog.Contracts;
using RuralCommerce.Orders.Domain.Livestreams;
using RuralCommerce.Orders.Domain.Sellables;
using RuralCommerce.Orders.Persistence;
using RuralCommerce.Shared.Infrastructure.Inbox;

namespace RuralCommerce.Orders.Features.CatalogSync;

// Orders' copy of Catalog's live events: which is live and what is on its shelf at which price and cap. One partition
// per event, so an event is scheduled before it starts and its products are featured in the order the host did it.

internal sealed class LivestreamScheduledHandler(OrdersDbContext db, TimeProvider clock)
    : IntegrationEventHandler<LivestreamScheduledIntegrationEvent, OrdersDbContext>(db, clock)
{
    protected override async Task HandleAsync(LivestreamScheduledIntegrationEvent e, CancellationToken cancellationToken)
    {
        if (await Context.LiveEvents.FindAsync([e.LivestreamId], cancellationToken) is null)
        {
            Context.LiveEvents.Add(LiveEvent.Scheduled(e.LivestreamId, e.CooperativeId, e.HostMemberId, e.Title));
        }
    }
}

internal sealed class LivestreamStartedHandler(OrdersDbContext db, TimeProvider clock)
    : IntegrationEventHandler<LivestreamStartedIntegrationEvent, OrdersDbContext>(db, clock)
{
    protected override async Task HandleAsync(LivestreamStartedIntegrationEvent e, CancellationToken cancellationToken) =>
        (await Context.FindRequiredLiveEventAsync(e.LivestreamId, cancellationToken)).Start(e.HostMemberId);
}

internal sealed class LivestreamEndedHandler(OrdersDbContext db, TimeProvider clock)
    : IntegrationEventHandler<LivestreamEndedIntegrationEvent, OrdersDbContext>(db, clock)
{
    protected override async Task HandleAsync(LivestreamEndedIntegrationEvent e, CancellationToken cancellationToken) =>
        (await Context.FindRequiredLiveEventAsync(e.LivestreamId, cancellationToken)).MoveTo(LiveEventStatus.Ended);
}

internal sealed class LivestreamCancelledHandler(OrdersDbContext db, TimeProvider clock)
    : IntegrationEventHandler<LivestreamCancelledIntegrationEvent, OrdersDbContext>(db, clock)
{
    protected override async Task HandleAsync(LivestreamCancelledIntegrationEvent e, CancellationToken cancellationToken) =>
        (await Context.FindRequiredLiveEventAsync(e.LivestreamId, cancellationToken)).MoveTo(LiveEventStatus.Cancelled);
}

internal sealed class ProductFeaturedHandler(OrdersDbContext db, TimeProvider clock)
    : IntegrationEventHandler<ProductFeaturedIntegrationEvent, OrdersDbContext>(db, clock)
{
    protected override async Task HandleAsync(ProductFeaturedIntegrationEvent e, CancellationToken cancellationToken)
    {
        var offer = await Context.FindOrAddOfferAsync(e.LivestreamId, e.ProductId, cancellationToken);
        offer.Feature(e.LivestreamPriceFen, e.QuantityCap is { } cap ? SellableProduct.ToMilli(cap) : null);
    }
}

internal sealed class ProductUnfeaturedHandler(OrdersDbContext db, TimeProvider clock)
    : IntegrationEventHandler<ProductUnfeaturedIntegrationEvent, OrdersDbContext>(db, clock)
{
    protected override async Task HandleAsync(ProductUnfeaturedIntegrationEvent e, CancellationToken cancellationToken) =>
        (await Context.FindOrAddOfferAsync(e.LivestreamId, e.ProductId, cancellationToken)).Unfeature();
}

internal static class LivestreamSync
{
    public static async Task<LiveEvent> FindRequiredLiveEventAsync(this OrdersDbContext db, Guid livestreamId, CancellationToken cancellationToken) =>
        await db.LiveEvents.FindAsync([livestreamId], cancellationToken)
        ?? throw new InvalidOperationException($"Livestream {livestreamId} is not known to Orders yet.");

    public static async Task<LiveOffer> FindOrAddOfferAsync(this OrdersDbContext db, Guid livestreamId, Guid productId, CancellationToken cancellationToken)
    {
        var offer = await db.LiveOffers.SingleOrDefaultAsync(o => o.LivestreamId == livestreamId && o.ProductId == productId, cancellationToken);
        if (offer is null)
        {
            offer = LiveOffer.For(livestreamId, productId);
            db.LiveOffers.Add(offer);
        }

        return offer;
    }
}
