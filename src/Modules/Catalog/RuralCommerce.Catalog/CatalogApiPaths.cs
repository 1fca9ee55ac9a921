using RuralCommerce.Shared.Infrastructure.Web;

namespace RuralCommerce.Catalog;

/// <summary>
/// Every route the module maps, relative to <see cref="Root"/>. The endpoints map these constants and the HTTP tests
/// fill them (<see cref="Url"/>), so a route cannot change in one place only.
/// </summary>
internal static class CatalogApiPaths
{
    public const string Root = "/api/catalog";

    // A cooperative's sellers and administrators.
    public const string Cooperative = "/cooperatives/{cooperativeId:guid}";
    public const string Products = Cooperative + "/products";
    public const string Product = Products + "/{productId:guid}";
    public const string ListProduct = Product + "/list";
    public const string DelistProduct = Product + "/delist";
    public const string StockAdjustments = Product + "/stock-adjustments";
    public const string Photos = Product + "/photos";
    public const string Photo = Photos + "/{photoId:guid}";
    public const string PhotoOrder = Photos + "/order";
    public const string Batches = Product + "/batches";
    public const string Livestreams = Cooperative + "/livestreams";
    public const string Livestream = Livestreams + "/{eventId:guid}";
    public const string StartLivestream = Livestream + "/start";
    public const string EndLivestream = Livestream + "/end";
    public const string CancelLivestream = Livestream + "/cancel";
    public const string FeaturedProduct = Livestream + "/featured/{productId:guid}";
    public const string PinnedProduct = Livestream + "/pinned";

    // Anyone: the shop, a storefront, a batch's trace record and its QR code, photo files.
    public const string ShopProducts = "/shop/products";
    public const string ShopProduct = ShopProducts + "/{productId:guid}";
    public const string ShopLivestreams = "/shop/livestreams";
    public const string ShopLivestream = ShopLivestreams + "/{eventId:guid}";
    public const string Storefront = "/shop/cooperatives/{cooperativeId:guid}";
    public const string Trace = "/trace/{cooperativeId:guid}/{batchCode}";
    public const string TraceQrPng = Trace + "/qr.png";
    public const string TraceQrSvg = Trace + "/qr.svg";
    public const string PhotoFile = "/photos/{file}";

    /// <summary>The absolute path of <paramref name="route"/> with its parameters filled in order.</summary>
    public static string Url(string route, params object[] values) => Root + RouteTemplate.Fill(route, values);
}
