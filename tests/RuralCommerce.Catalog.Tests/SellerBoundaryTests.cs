using System.Net;
using RuralCommerce.Catalog.Features.AdjustStock;
using RuralCommerce.Catalog.Features.EditProduct;
using RuralCommerce.Catalog.Features.RegisterBatch;

namespace RuralCommerce.Catalog.Tests;

/// <summary>Every route that changes or reveals a seller's own products refuses another seller, in the same cooperative or another.</summary>
public sealed class SellerBoundaryTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task Every_seller_route_refuses_another_seller()
    {
        var scenario = await CatalogScenario.CreateAsync(factory);
        var owner = await scenario.AddSellerAsync();
        var product = await scenario.ListedProductAsync(owner, stock: 5m);
        var photo = (await owner.Catalog.UploadPhoto(scenario.CooperativeId, product.ProductId, PhotoApiTests.Jpeg(64, 48), "p.jpg", "image/jpeg")).Body;
        var neighbour = await scenario.AddSellerAsync("Wu Lan");
        var elsewhere = await CatalogScenario.CreateAsync(factory, "Hubei Rice Wine Cooperative");
        var stranger = await elsewhere.AddSellerAsync("Chen Jie");
        var coop = scenario.CooperativeId;
        var id = product.ProductId;
        var edit = new EditProductRequest("Mine now", "Other", null, "Bag", null, 1m, null, null);

        foreach (var (who, rival, expected) in new[] { ("a seller of the same cooperative", neighbour, HttpStatusCode.NotFound), ("a seller of another cooperative", stranger, HttpStatusCode.Forbidden) })
        {
            var spy = rival.Catalog;
            var attempts = new (string Call, Func<Task<HttpStatusCode>> Answer, HttpStatusCode Expected)[]
            {
                ("GetProduct", async () => (await spy.GetProduct(coop, id)).Status, expected),
                ("EditProduct", async () => (await spy.EditProduct(coop, id, edit)).Status, expected),
                ("List", async () => (await spy.List(coop, id)).Status, expected),
                ("Delist", async () => (await spy.Delist(coop, id)).Status, expected),
                ("AdjustStock", async () => (await spy.AdjustStock(coop, id, new AdjustStockRequest("Count", 0m, null, null))).Status, expected),
                ("StockHistory", async () => (await spy.StockHistory(coop, id)).Status, expected),
                ("RegisterBatch", async () => (await spy.RegisterBatch(coop, id, new RegisterBatchRequest("SPY-1", new DateOnly(2026, 1, 1), null, 1m, null))).Status, expected),
                ("Batches", async () => (await spy.Batches(coop, id)).Status, expected),
                ("UploadPhoto", async () => (await spy.UploadPhoto(coop, id, PhotoApiTests.Jpeg(64, 48), "x.jpg", "image/jpeg")).Status, expected),
                ("RemovePhoto", async () => (await spy.RemovePhoto(coop, id, photo.PhotoId)).Status, expected),
                ("ReorderPhotos", async () => (await spy.ReorderPhotos(coop, id, [photo.PhotoId])).Status, expected),
            };

            foreach (var (call, answer, status) in attempts)
            {
                var actual = await answer();
                Assert.True(actual == status, $"{call} by {who} answered {(int)actual}, not {(int)status}.");
            }

            Assert.Equal(expected == HttpStatusCode.NotFound ? HttpStatusCode.OK : HttpStatusCode.Forbidden, (await spy.ListProducts(coop)).Status);
        }

        var unchanged = (await owner.Catalog.GetProduct(coop, id)).Body;
        Assert.Equal((product.Name, "Listed", 5m, 1), (unchanged.Name, unchanged.Status, unchanged.StockOnHand, unchanged.Photos.Count));
        Assert.Empty((await owner.Catalog.Batches(coop, id)).Body);
    }
}
