using Microsoft.EntityFrameworkCore;
using RuralCommerce.Catalog.Domain.Livestreams;
using RuralCommerce.Catalog.Domain.Products;
using RuralCommerce.Catalog.Persistence;

namespace RuralCommerce.Catalog.Features.Common;

/// <summary>A product on the shelf of an event that is live now: the shop shows a badge and this price.</summary>
internal sealed record LiveOffer(Guid EventId, string Title, string Platform, decimal Price, decimal? QuantityCap);

internal static class LiveOffers
{
    /// <summary>The live offer of each product that has one (if two live events feature it, the lower price).</summary>
    public static async Task<Dictionary<ProductId, LiveOffer>> ForAsync(
        this CatalogDbContext db, IReadOnlyCollection<Product> products, CancellationToken cancellationToken)
    {
        var ids = products.Select(p => p.Id).ToList();
        var rows = await db.FeaturedProducts.AsNoTracking().Where(f => ids.Contains(f.ProductId))
            .Join(db.LivestreamEvents.Where(e => e.Status == LivestreamStatus.Live), f => f.EventId, e => e.Id,
                (f, e) => new { f.ProductId, f.LivestreamPriceFen, f.QuantityCap, e.Id, e.Title, e.Platform })
            .ToListAsync(cancellationToken);
        var listPrices = products.ToDictionary(p => p.Id, p => p.ListPriceFen);
        return rows
            .GroupBy(r => r.ProductId)
            .ToDictionary(g => g.Key, g => g
                .Select(r => new LiveOffer(r.Id.Value, r.Title, r.Platform.ToString(), (r.LivestreamPriceFen ?? listPrices[r.ProductId]) / 100m, r.QuantityCap))
                .MinBy(o => o.Price)!);
    }
}
