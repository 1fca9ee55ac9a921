namespace RuralCommerce.Catalog;

/// <summary>The <c>Catalog</c> configuration section.</summary>
internal sealed class CatalogOptions
{
    public const string SectionName = "Catalog";

    /// <summary>The highest list price a product may have, in yuan: a price above it is a typing mistake.</summary>
    public decimal MaxListPrice { get; set; } = 100_000m;

    /// <summary>The largest photo upload, in bytes.</summary>
    public long MaxPhotoBytes { get; set; } = 5 * 1024 * 1024;

    /// <summary>The public address trace QR codes point to (e.g. <c>https://shop.example.cn</c>); unset, the request's own.</summary>
    public string? PublicBaseUrl { get; set; }
}
