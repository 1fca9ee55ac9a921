using Microsoft.EntityFrameworkCore;
using RuralCommerce.Catalog.Domain.Products;
using RuralCommerce.Catalog.Persistence;

namespace RuralCommerce.Catalog.Features.Common;

/// <summary>A listed product as the shop lists it. Prices in yuan; <c>available</c> in units of sale; <c>live</c> while a live event features it.</summary>
internal sealed record ShopProductSummary(
    Guid ProductId, Guid CooperativeId, string CooperativeName, string County, string Name, string Category, string Unit, NetContentDto? NetContent,
    decimal ListPrice, decimal Available, string? ThumbnailUrl, DateTimeOffset ListedAt, LiveOffer? Live);

internal static class ShopQueries
{
    /// <summary>One page of listed products as the shop shows them, with their cooperatives' names (three small queries).</summary>
    public static async Task<List<ShopProductSummary>> ToSummariesAsync(
        this IQueryable<Product> products, CatalogDbContext db, int skip, int take, CancellationToken cancellationToken)
    {
        var page = await products.Skip(skip).Take(take).Include(p => p.Photos).AsSplitQuery().AsNoTracking().ToListAsync(cancellationToken);
        var cooperativeIds = page.Select(p => p.CooperativeId).Distinct().ToList();
        var live = await db.ForAsync(page, cancellationToken);
        var pageIds = page.Select(p => p.Id).ToList();
        var held = await db.OrderHolds.AsNoTracking().Where(h => pageIds.Contains(h.ProductId)).ToDictionaryAsync(h => h.ProductId, h => h.Quantity, cancellationToken);
        var cooperatives = await db.Cooperatives.AsNoTracking().Where(c => cooperativeIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, cancellationToken);
        return page.Select(p => new ShopProductSummary(
            p.Id.Value, p.CooperativeId, cooperatives[p.CooperativeId].Name, cooperatives[p.CooperativeId].County, p.Name, p.Category.ToString(),
            p.Unit.ToString(), p.NetContent.ToDto(), p.ListPrice.Amount, OrderHold.Available(p.StockOnHand, held.GetValueOrDefault(p.Id)),
            p.Photos.FirstOrDefault() is { } photo ? PhotoUrls.Thumbnail(photo.ContentHash) : null, p.ListedAt ?? p.CreatedAt,
            live.GetValueOrDefault(p.Id))).ToList();
    }
}
