using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using RuralCommerce.Catalog.Domain.Livestreams;
using RuralCommerce.Catalog.Domain.Products;
using RuralCommerce.Catalog.Persistence;
using RuralCommerce.Shared.Infrastructure.Security;
using RuralCommerce.SharedKernel;

namespace RuralCommerce.Catalog.Features.Common;

/// <summary>A product on an event's shelf. <c>livestreamPrice</c> null: the list price applies.</summary>
internal sealed record FeaturedProductResponse(
    Guid ProductId, string Name, string Unit, decimal ListPrice, decimal? LivestreamPrice, decimal? QuantityCap, string? ThumbnailUrl, bool Buyable);

internal sealed record LivestreamResponse(
    Guid EventId, Guid CooperativeId, string CooperativeName, Guid HostMemberId, string HostName, string Title, DateTimeOffset PlannedStart,
    DateTimeOffset PlannedEnd, string Platform, string? StreamUrl, string Status, DateTimeOffset? StartedAt, DateTimeOffset? EndedAt,
    Guid? PinnedProductId, IReadOnlyList<FeaturedProductResponse> Featured);

internal static class LivestreamResponses
{
    /// <summary>The events with their hosts, cooperatives and featured products (a few queries for the whole list).</summary>
    public static async Task<List<LivestreamResponse>> ToResponsesAsync(
        this IReadOnlyCollection<LivestreamEvent> events, CatalogDbContext db, CancellationToken cancellationToken)
    {
        var productIds = events.SelectMany(e => e.Featured.Select(f => f.ProductId)).Distinct().ToList();
        var products = await db.Products.AsNoTracking().Include(p => p.Photos).Where(p => productIds.Contains(p.Id))
            .AsSplitQuery().ToDictionaryAsync(p => p.Id, cancellationToken);
        var hostIds = events.Select(e => e.HostMemberId).Distinct().ToList();
        var hosts = await db.Members.AsNoTracking().Where(m => hostIds.Contains(m.Id)).ToDictionaryAsync(m => m.Id, m => m.Name, cancellationToken);
        var cooperativeIds = events.Select(e => e.CooperativeId).Distinct().ToList();
        var cooperatives = await db.Cooperatives.AsNoTracking().Where(c => cooperativeIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Name, cancellationToken);
        return events.Select(e => new LivestreamResponse(
            e.Id.Value, e.CooperativeId, cooperatives.GetValueOrDefault(e.CooperativeId, ""), e.HostMemberId, hosts.GetValueOrDefault(e.HostMemberId, ""),
            e.Title, e.PlannedStart, e.PlannedEnd, e.Platform.ToString(), e.StreamUrl, e.Status.ToString(), e.StartedAt, e.EndedAt, e.PinnedProductId?.Value,
            e.Featured.Where(f => products.ContainsKey(f.ProductId)).Select(f => Featured(f, products[f.ProductId])).ToList())).ToList();
    }

    public static async Task<LivestreamResponse> ToResponseAsync(this LivestreamEvent livestream, CatalogDbContext db, CancellationToken cancellationToken) =>
        (await new[] { livestream }.ToResponsesAsync(db, cancellationToken)).Single();

    private static FeaturedProductResponse Featured(FeaturedProduct f, Product p) => new(
        p.Id.Value, p.Name, p.Unit.ToString(), p.ListPrice.Amount, f.LivestreamPrice?.Amount, f.QuantityCap,
        p.Photos.FirstOrDefault() is { } photo ? PhotoUrls.Thumbnail(photo.ContentHash) : null, p.Status == ProductStatus.Listed);

    /// <summary>
    /// An event of this cooperative the caller runs: its host, or an administrator of the cooperative. Anyone else's
    /// is "not found" for changing, although the shop shows it.
    /// </summary>
    public static async Task<LivestreamEvent> FindRunnableEventAsync(
        this CatalogDbContext db, ClaimsPrincipal caller, Guid cooperativeId, Guid eventId, CancellationToken cancellationToken)
    {
        var livestream = await db.LivestreamEvents.Include(e => e.Featured)
            .SingleOrDefaultAsync(e => e.Id == new LivestreamEventId(eventId) && e.CooperativeId == cooperativeId, cancellationToken);
        var runs = livestream is not null
            && (caller.CanAdminister(cooperativeId) || livestream.HostMemberId == caller.MembershipIn(cooperativeId)?.MemberId);
        return runs ? livestream! : throw new NotFoundException("Livestream event", eventId);
    }
}
