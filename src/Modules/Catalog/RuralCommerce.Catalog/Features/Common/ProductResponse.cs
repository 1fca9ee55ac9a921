using RuralCommerce.Catalog.Domain.Products;

namespace RuralCommerce.Catalog.Features.Common;

internal sealed record PhotoResponse(Guid PhotoId, string Url, string ThumbnailUrl, int Width, int Height);

/// <summary>A product as its seller and the cooperative's administrators see it.</summary>
internal sealed record ProductResponse(
    Guid ProductId,
    Guid CooperativeId,
    Guid SellerId,
    string Code,
    string Name,
    string Category,
    string Description,
    string Unit,
    NetContentDto? NetContent,
    decimal ListPrice,
    string OriginCounty,
    string OriginVillage,
    string Status,
    string? DelistReason,
    decimal StockOnHand,
    IReadOnlyList<PhotoResponse> Photos,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? ListedAt);

internal static class ProductResponses
{
    public static ProductResponse ToResponse(this Product p) => new(
        p.Id.Value, p.CooperativeId, p.SellerId, p.Code, p.Name, p.Category.ToString(), p.Description, p.Unit.ToString(),
        p.NetContent.ToDto(), p.ListPrice.Amount, p.OriginCounty, p.OriginVillage, p.Status.ToString(), p.DelistReason?.ToString(),
        p.StockOnHand, p.Photos.Select(ToResponse).ToList(), p.CreatedAt, p.UpdatedAt, p.ListedAt);

    public static NetContentDto? ToDto(this NetContent? content) =>
        content is null ? null : new NetContentDto(content.Amount, content.Unit.ToString());

    public static PhotoResponse ToResponse(this ProductPhoto photo) => new(
        photo.Id, PhotoUrls.Full(photo.ContentHash), PhotoUrls.Thumbnail(photo.ContentHash), photo.Width, photo.Height);
}

/// <summary>Where a stored photo is served: named by content, so the address never changes what it shows.</summary>
internal static class PhotoUrls
{
    public const string FullSuffix = ".webp";
    public const string ThumbnailSuffix = ".thumb.webp";

    public static string Full(string contentHash) => CatalogApiPaths.Url(CatalogApiPaths.PhotoFile, contentHash + FullSuffix);

    public static string Thumbnail(string contentHash) => CatalogApiPaths.Url(CatalogApiPaths.PhotoFile, contentHash + ThumbnailSuffix);
}
