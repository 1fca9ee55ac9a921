using System.Net;
using RuralCommerce.Catalog.Features.AdjustStock;
using RuralCommerce.Catalog.Features.RegisterBatch;

namespace RuralCommerce.Catalog.Tests;

public sealed class BatchApiTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private static RegisterBatchRequest Harvest(string code, DateOnly? on = null, decimal quantity = 120m) =>
        new(code, on ?? new DateOnly(2026, 11, 2), null, quantity, "substrate: corn cobs");

    [Fact]
    public async Task A_batch_has_a_public_trace_record_naming_the_grower_cooperative_village_and_harvest()
    {
        var scenario = await CatalogScenario.CreateAsync(factory);
        var seller = await scenario.AddSellerAsync("Zhang Min", village: "Xijiang");
        var product = await scenario.ListedProductAsync(seller);

        var registered = await seller.Catalog.RegisterBatch(scenario.CooperativeId, product.ProductId, Harvest("xj-2026-11"));
        Assert.Equal(HttpStatusCode.Created, registered.Status);
        Assert.Equal($"/trace/{scenario.CooperativeId}/xj-2026-11", registered.Body.TracePath);

        var trace = (await scenario.Anonymous.Trace(scenario.CooperativeId, "XJ-2026-11")).Body;
        Assert.Equal(("xj-2026-11", new DateOnly(2026, 11, 2), "Xijiang", 120m), (trace.BatchCode, trace.HarvestedOn, trace.Village, trace.QuantityProduced));
        Assert.Equal("substrate: corn cobs", trace.Note);
        Assert.Equal(("Zhang Min", "Xijiang"), (trace.Grower.Name, trace.Grower.Village));
        Assert.Equal(("Xiaozhai Mushroom Cooperative", "Pujiang"), (trace.Cooperative.Name, trace.Cooperative.County));
        Assert.Equal((product.ProductId, product.Name, true), (trace.Product.ProductId, trace.Product.Name, trace.Product.Listed));

        Assert.Single((await seller.Catalog.Batches(scenario.CooperativeId, product.ProductId)).Body);
        Assert.Equal(HttpStatusCode.NotFound, (await scenario.Anonymous.Trace(scenario.CooperativeId, "nope")).Status);
    }

    [Fact]
    public async Task A_duplicate_code_a_future_harvest_or_a_fractional_count_is_refused()
    {
        var scenario = await CatalogScenario.CreateAsync(factory);
        var seller = await scenario.AddSellerAsync();
        var other = await scenario.AddSellerAsync("Wu Lan");
        var product = await scenario.ListedProductAsync(seller);
        var otherProduct = await scenario.ListedProductAsync(other);
        await seller.Catalog.RegisterBatch(scenario.CooperativeId, product.ProductId, Harvest("B-1"));

        var duplicate = await other.Catalog.RegisterBatch(scenario.CooperativeId, otherProduct.ProductId, Harvest("b-1"));
        Assert.Equal(HttpStatusCode.Conflict, duplicate.Status);
        Assert.Contains("BatchCodeTaken", duplicate.Text);
        Assert.Equal("HarvestCannotBeInTheFutureRule",
            (await seller.Catalog.RegisterBatch(scenario.CooperativeId, product.ProductId, Harvest("B-2", new DateOnly(2030, 1, 1)))).BrokenRule);
        var fractional = await seller.Catalog.RegisterBatch(scenario.CooperativeId, product.ProductId, Harvest("B-3", quantity: 2.5m));
        Assert.Contains("quantityProduced", fractional.FieldErrors.Keys);
        Assert.Equal(HttpStatusCode.NotFound,
            (await other.Catalog.RegisterBatch(scenario.CooperativeId, product.ProductId, Harvest("B-4"))).Status);

        Assert.Single((await seller.Catalog.Batches(scenario.CooperativeId, product.ProductId)).Body);
    }

    [Fact]
    public async Task A_restock_may_name_its_batch()
    {
        var scenario = await CatalogScenario.CreateAsync(factory);
        var seller = await scenario.AddSellerAsync();
        var product = await scenario.ListedProductAsync(seller);
        var batch = (await seller.Catalog.RegisterBatch(scenario.CooperativeId, product.ProductId, Harvest("R-1"))).Body;

        var restock = (await seller.Catalog.AdjustStock(scenario.CooperativeId, product.ProductId, new AdjustStockRequest("Restock", 100m, batch.BatchId, null))).Body;

        Assert.Equal(batch.BatchId, restock.BatchId);
    }

    [Fact]
    public async Task The_qr_code_decodes_to_the_trace_pages_address()
    {
        var scenario = await CatalogScenario.CreateAsync(factory);
        var seller = await scenario.AddSellerAsync();
        var product = await scenario.ListedProductAsync(seller);
        var batch = (await seller.Catalog.RegisterBatch(scenario.CooperativeId, product.ProductId, Harvest("QR-7"))).Body;
        var anonymous = factory.CreateClient();

        using var png = await anonymous.GetAsync(new Uri(batch.QrPngUrl, UriKind.Relative));
        Assert.Equal("image/png", png.Content.Headers.ContentType?.MediaType);
        var decoded = QrCodes.Decode(await png.Content.ReadAsByteArrayAsync());
        Assert.Equal(new Uri(anonymous.BaseAddress!, batch.TracePath).ToString(), decoded);

        using var svg = await anonymous.GetAsync(new Uri(batch.QrSvgUrl, UriKind.Relative));
        Assert.Equal("image/svg+xml", svg.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<svg", await svg.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
