using RuralCommerce.Catalog.Features.AdjustStock;
using RuralCommerce.Catalog.Features.RegisterBatch;
using RuralCommerce.Catalog.Features.ScheduleLivestream;
using RuralCommerce.Cooperatives.Contracts;

namespace RuralCommerce.Catalog.Tests;

/// <summary>One test per response pins its JSON on the wire; the other tests read typed bodies.</summary>
public sealed class WireFormatTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private static readonly string[] Photo = ["photoId", "url", "thumbnailUrl", "width", "height"];
    private static readonly string[] Batch =
        ["batchId", "productId", "code", "harvestedOn", "village", "quantityProduced", "note", "registeredAt", "tracePath", "qrPngUrl", "qrSvgUrl"];

    private static string[] Under(string prefix, IEnumerable<string> paths) => paths.Select(p => $"{prefix}.{p}").ToArray();

    [Fact]
    public async Task Products_stock_and_batches()
    {
        var scenario = await CatalogScenario.CreateAsync(factory);
        var seller = await scenario.AddSellerAsync();
        var coop = scenario.CooperativeId;
        var product = await scenario.ListedProductAsync(seller);
        await seller.Catalog.UploadPhoto(coop, product.ProductId, PhotoApiTests.Jpeg(64, 48), "p.jpg", "image/jpeg");
        string[] productShape =
        [
            "productId", "cooperativeId", "sellerId", "code", "name", "category", "description", "unit", "netContent", "netContent.amount", "netContent.unit",
            "listPrice", "originCounty", "originVillage", "status", "delistReason", "stockOnHand", "photos", .. Under("photos[]", Photo),
            "createdAt", "updatedAt", "listedAt",
        ];

        var one = await seller.Catalog.GetProduct(coop, product.ProductId);
        var list = await seller.Catalog.ListProducts(coop);
        var adjustment = await seller.Catalog.AdjustStock(coop, product.ProductId, new AdjustStockRequest("Restock", 5m, null, "first"));
        var history = await seller.Catalog.StockHistory(coop, product.ProductId);
        var batch = await seller.Catalog.RegisterBatch(coop, product.ProductId, new RegisterBatchRequest("W-1", new DateOnly(2026, 11, 1), null, 5m, null));
        var trace = await scenario.Anonymous.Trace(coop, "W-1");
        string[] adjustmentShape = ["adjustmentId", "productId", "sequence", "reason", "delta", "stockOnHand", "batchId", "note", "byMemberId", "at"];

        Assert.Equal(productShape, JsonShape.Of(one.Text));
        Assert.Equal(["items", .. Under("items[]", productShape), "page", "pageSize", "totalCount"], JsonShape.Of(list.Text));
        Assert.Equal(adjustmentShape, JsonShape.Of(adjustment.Text));
        Assert.Equal(["items", .. Under("items[]", adjustmentShape), "page", "pageSize", "totalCount"], JsonShape.Of(history.Text));
        Assert.Equal(Batch, JsonShape.Of(batch.Text));
        Assert.Equal(
            ["batchCode", "harvestedOn", "village", "quantityProduced", "note",
             "product", "product.productId", "product.code", "product.name", "product.category", "product.unit", "product.netContent", "product.netContent.amount",
             "product.netContent.unit", "product.listed", "product.photoUrl",
             "grower", "grower.name", "grower.village",
             "cooperative", "cooperative.cooperativeId", "cooperative.name", "cooperative.province", "cooperative.county", "cooperative.village",
             "growerCertificates"],
            JsonShape.Of(trace.Text));
    }

    [Fact]
    public async Task The_shop_and_livestreams()
    {
        var scenario = await CatalogScenario.CreateAsync(factory);
        var seller = await scenario.AddSellerAsync();
        var host = await scenario.AddMemberAsync("Liu Yang", "Xiaozhai", MemberRoles.LivestreamHost);
        var coop = scenario.CooperativeId;
        var product = await scenario.ListedProductAsync(seller);
        await seller.Catalog.RegisterBatch(coop, product.ProductId, new RegisterBatchRequest("S-1", new DateOnly(2026, 11, 1), null, 5m, null));
        var start = DateTimeOffset.UtcNow.AddDays(1);
        var eventId = (await host.Catalog.ScheduleLivestream(coop, new LivestreamPlanRequest("Sale", start, start.AddHours(4), "Douyin", null))).Body.EventId;
        await host.Catalog.Feature(coop, eventId, product.ProductId, 50m, 10m);
        await host.Catalog.StartLivestream(coop, eventId);
        string[] live = ["live", "live.eventId", "live.title", "live.platform", "live.price", "live.quantityCap"];
        string[] summary =
        [
            "productId", "cooperativeId", "cooperativeName", "county", "name", "category", "unit", "netContent", "netContent.amount", "netContent.unit",
            "listPrice", "available", "thumbnailUrl", "listedAt", .. live,
        ];
        string[] livestream =
        [
            "eventId", "cooperativeId", "cooperativeName", "hostMemberId", "hostName", "title", "plannedStart", "plannedEnd", "platform", "streamUrl", "status",
            "startedAt", "endedAt", "pinnedProductId", "featured", "featured[].productId", "featured[].name", "featured[].unit", "featured[].listPrice",
            "featured[].livestreamPrice", "featured[].quantityCap", "featured[].thumbnailUrl", "featured[].buyable",
        ];

        var search = await scenario.Anonymous.Search($"?cooperativeId={coop}");
        var page = await scenario.Anonymous.ShopProduct(product.ProductId);
        var storefront = await scenario.Anonymous.Storefront(coop);
        var events = await scenario.Anonymous.ShopLivestreams($"?cooperativeId={coop}");

        Assert.Equal(["items", .. Under("items[]", summary), "page", "pageSize", "totalCount", "totalCountIsCapped"], JsonShape.Of(search.Text));
        Assert.Equal(
            ["productId", "cooperativeId", "cooperativeName", "county", "name", "category", "description", "unit", "netContent", "netContent.amount", "netContent.unit",
             "listPrice", "available", "buyable", "originCounty", "originVillage", "seller", "seller.sellerId", "seller.name", "seller.village",
             "photos", "batches", .. Under("batches[]", Batch), .. live],
            JsonShape.Of(page.Text));
        Assert.Equal(
            ["cooperativeId", "name", "province", "county", "village", "open", "products", "products.items", .. Under("products.items[]", summary),
             "products.page", "products.pageSize", "products.totalCount"],
            JsonShape.Of(storefront.Text));
        Assert.Equal(livestream.Select(p => "[]." + p), JsonShape.Of(events.Text));
    }
}
