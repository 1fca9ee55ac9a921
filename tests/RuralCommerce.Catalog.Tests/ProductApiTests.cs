using System.Net;
using RuralCommerce.Catalog.Features.AdjustStock;
using RuralCommerce.Catalog.Features.Common;
using RuralCommerce.Catalog.Features.EditProduct;
using RuralCommerce.Cooperatives.Contracts;

namespace RuralCommerce.Catalog.Tests;

public sealed class ProductApiTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private static EditProductRequest EditOf(ProductResponse p, decimal? price = null, string? unit = null) =>
        new(p.Name, p.Category, p.Description, unit ?? p.Unit, p.NetContent, price ?? p.ListPrice, p.OriginCounty, p.OriginVillage);

    [Fact]
    public async Task A_seller_drafts_lists_edits_delists_and_relists_their_product()
    {
        var scenario = await CatalogScenario.CreateAsync(factory);
        var seller = await scenario.AddSellerAsync();
        var coop = scenario.CooperativeId;

        var created = await seller.Catalog.CreateProduct(coop, CatalogTestData.Shiitake(code: "xg-500g", price: 68.00m));
        Assert.Equal(HttpStatusCode.Created, created.Status);
        var draft = created.Body;
        Assert.Equal(("Draft", "xg-500g", 68.00m, "Bag"), (draft.Status, draft.Code, draft.ListPrice, draft.Unit));
        Assert.Equal(("Pujiang", "Xiaozhai"), (draft.OriginCounty, draft.OriginVillage));
        Assert.Equal(seller.MemberId, draft.SellerId);
        Assert.EndsWith(CatalogApiPaths.Url(CatalogApiPaths.Product, coop, draft.ProductId), created.Headers.Location!.ToString());

        Assert.Equal("Listed", (await seller.Catalog.List(coop, draft.ProductId)).Body.Status);
        var edited = (await seller.Catalog.EditProduct(coop, draft.ProductId, EditOf(draft, price: 59.90m))).Body;
        Assert.Equal(59.90m, edited.ListPrice);

        var delisted = (await seller.Catalog.Delist(coop, draft.ProductId)).Body;
        Assert.Equal(("Delisted", "BySeller"), (delisted.Status, delisted.DelistReason));
        Assert.Equal("Listed", (await seller.Catalog.List(coop, draft.ProductId)).Body.Status);
        Assert.Equal(HttpStatusCode.Conflict, (await seller.Catalog.List(coop, draft.ProductId)).Status);
    }

    [Theory]
    [InlineData(0, "listPrice")]
    [InlineData(-5, "listPrice")]
    [InlineData(100000.01, "listPrice")]
    [InlineData(12.345, "listPrice")]
    public async Task A_price_that_is_not_a_sensible_yuan_amount_is_refused(double price, string field)
    {
        var scenario = await CatalogScenario.CreateAsync(factory);
        var seller = await scenario.AddSellerAsync();

        var reply = await seller.Catalog.CreateProduct(scenario.CooperativeId, CatalogTestData.Shiitake(price: (decimal)price));

        Assert.Equal(HttpStatusCode.BadRequest, reply.Status);
        Assert.Contains(field, reply.FieldErrors.Keys);
        Assert.Equal(0, (await seller.Catalog.ListProducts(scenario.CooperativeId)).Body.TotalCount);
    }

    [Fact]
    public async Task Unknown_categories_units_and_malformed_codes_name_every_field()
    {
        var scenario = await CatalogScenario.CreateAsync(factory);
        var seller = await scenario.AddSellerAsync();

        var reply = await seller.Catalog.CreateProduct(scenario.CooperativeId, CatalogTestData.Shiitake(code: "has space") with
        {
            Category = "Spaceships",
            Unit = "3",
            NetContent = new NetContentDto(0m, "Tonne"),
            Name = "",
        });

        Assert.Equal(HttpStatusCode.BadRequest, reply.Status);
        Assert.Equal(
            ["category", "code", "name", "netContent.unit", "unit"],
            reply.FieldErrors.Keys.Order(StringComparer.Ordinal));
        var emptyPack = await seller.Catalog.CreateProduct(scenario.CooperativeId, CatalogTestData.Shiitake(code: "EMPTY-1") with
        {
            Category = "Spaceships",
            Unit = "Bag",
            NetContent = new NetContentDto(0m, "Gram"),
        });
        Assert.Equal(["category"], emptyPack.FieldErrors.Keys);
        var zero = await seller.Catalog.CreateProduct(scenario.CooperativeId, CatalogTestData.Shiitake(code: "EMPTY-2") with
        {
            Unit = "Bag",
            NetContent = new NetContentDto(0m, "Gram"),
        });
        Assert.Equal(["netContent.amount"], zero.FieldErrors.Keys);
    }

    [Fact]
    public async Task A_code_is_unique_within_the_cooperative_whatever_its_case_but_not_across_cooperatives()
    {
        var scenario = await CatalogScenario.CreateAsync(factory);
        var seller = await scenario.AddSellerAsync();
        var other = await scenario.AddSellerAsync("Wu Lan");
        await seller.Catalog.CreateProduct(scenario.CooperativeId, CatalogTestData.Shiitake(code: "XG-1"));

        var duplicate = await other.Catalog.CreateProduct(scenario.CooperativeId, CatalogTestData.Shiitake(code: "xg-1"));
        Assert.Equal(HttpStatusCode.Conflict, duplicate.Status);
        Assert.Contains("ProductCodeTaken", duplicate.Text);

        var elsewhere = await CatalogScenario.CreateAsync(factory, "Hubei Rice Wine Cooperative");
        var wineSeller = await elsewhere.AddSellerAsync("Chen Jie");
        Assert.Equal(HttpStatusCode.Created, (await wineSeller.Catalog.CreateProduct(elsewhere.CooperativeId, CatalogTestData.Shiitake(code: "XG-1"))).Status);
    }

    [Fact]
    public async Task Another_sellers_product_is_not_found_and_a_member_without_the_role_is_forbidden()
    {
        var scenario = await CatalogScenario.CreateAsync(factory);
        var owner = await scenario.AddSellerAsync();
        var rival = await scenario.AddSellerAsync("Wu Lan");
        var grower = await scenario.AddMemberAsync("Li Qiang", "Xiaozhai");
        var coop = scenario.CooperativeId;
        var product = await scenario.ListedProductAsync(owner, stock: 5m);

        Assert.Equal(HttpStatusCode.NotFound, (await rival.Catalog.GetProduct(coop, product.ProductId)).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await rival.Catalog.EditProduct(coop, product.ProductId, EditOf(product, price: 1m))).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await rival.Catalog.Delist(coop, product.ProductId)).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await rival.Catalog.AdjustStock(coop, product.ProductId, new AdjustStockRequest("Count", 0m, null, null))).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await rival.Catalog.StockHistory(coop, product.ProductId)).Status);
        Assert.Empty((await rival.Catalog.ListProducts(coop)).Body.Items);
        Assert.Equal(HttpStatusCode.Forbidden, (await grower.Catalog.CreateProduct(coop, CatalogTestData.Shiitake())).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await scenario.Anonymous.CreateProduct(coop, CatalogTestData.Shiitake())).Status);

        var unchanged = (await owner.Catalog.GetProduct(coop, product.ProductId)).Body;
        Assert.Equal((product.ListPrice, "Listed", 5m), (unchanged.ListPrice, unchanged.Status, unchanged.StockOnHand));
    }

    [Fact]
    public async Task The_cooperatives_administrator_sees_every_product_and_can_delist_one()
    {
        var scenario = await CatalogScenario.CreateAsync(factory);
        var first = await scenario.AddSellerAsync();
        var second = await scenario.AddSellerAsync("Wu Lan");
        var coop = scenario.CooperativeId;
        var a = await scenario.ListedProductAsync(first);
        await scenario.ListedProductAsync(second);

        Assert.Equal(2, (await scenario.Admin.ListProducts(coop)).Body.TotalCount);
        Assert.Equal(1, (await scenario.Admin.ListProducts(coop, $"?sellerId={second.MemberId}")).Body.TotalCount);
        Assert.Equal(1, (await first.Catalog.ListProducts(coop)).Body.TotalCount);

        var delisted = (await scenario.Admin.Delist(coop, a.ProductId)).Body;
        Assert.Equal("ByAdministrator", delisted.DelistReason);
        Assert.Equal(1, (await scenario.Admin.ListProducts(coop, "?status=Listed")).Body.TotalCount);
        Assert.Equal(HttpStatusCode.BadRequest, (await scenario.Admin.ListProducts(coop, "?status=Sold")).Status);
    }

    [Fact]
    public async Task Stock_is_adjusted_with_a_reason_and_kept_as_history()
    {
        var scenario = await CatalogScenario.CreateAsync(factory);
        var seller = await scenario.AddSellerAsync();
        var coop = scenario.CooperativeId;
        var product = await scenario.ListedProductAsync(seller, CatalogTestData.Shiitake() with { Unit = "Jin", NetContent = null });

        await seller.Catalog.AdjustStock(coop, product.ProductId, new AdjustStockRequest("Restock", 40.5m, null, "first harvest"));
        await seller.Catalog.AdjustStock(coop, product.ProductId, new AdjustStockRequest("Spoilage", 0.5m, null, null));
        var count = (await seller.Catalog.AdjustStock(coop, product.ProductId, new AdjustStockRequest("count", 38m, null, null))).Body;

        Assert.Equal((3L, -2m, 38m), (count.Sequence, count.Delta, count.StockOnHand));
        var history = (await scenario.Admin.StockHistory(coop, product.ProductId)).Body;
        Assert.Equal(["Count", "Spoilage", "Restock"], history.Items.Select(a => a.Reason));
        Assert.Equal(38m, (await seller.Catalog.GetProduct(coop, product.ProductId)).Body.StockOnHand);
    }

    [Fact]
    public async Task Stock_that_does_not_suit_the_unit_or_would_go_negative_changes_nothing()
    {
        var scenario = await CatalogScenario.CreateAsync(factory);
        var seller = await scenario.AddSellerAsync();
        var coop = scenario.CooperativeId;
        var product = await scenario.ListedProductAsync(seller, stock: 4m);

        var fractional = await seller.Catalog.AdjustStock(coop, product.ProductId, new AdjustStockRequest("Restock", 1.5m, null, null));
        Assert.Equal(HttpStatusCode.BadRequest, fractional.Status);
        Assert.Contains("quantity", fractional.FieldErrors.Keys);
        Assert.Equal(HttpStatusCode.BadRequest, (await seller.Catalog.AdjustStock(coop, product.ProductId, new AdjustStockRequest("Theft", 1m, null, null))).Status);
        Assert.Equal(HttpStatusCode.BadRequest, (await seller.Catalog.AdjustStock(coop, product.ProductId, new AdjustStockRequest("Restock", 0m, null, null))).Status);
        var negative = await seller.Catalog.AdjustStock(coop, product.ProductId, new AdjustStockRequest("Spoilage", 5m, null, null));
        Assert.Equal("StockOnHandCannotGoBelowZeroRule", negative.BrokenRule);
        Assert.Equal(HttpStatusCode.NotFound, (await seller.Catalog.AdjustStock(coop, product.ProductId, new AdjustStockRequest("Restock", 1m, Guid.NewGuid(), null))).Status);

        Assert.Equal(1, (await seller.Catalog.StockHistory(coop, product.ProductId)).Body.TotalCount);
        Assert.Equal(4m, (await seller.Catalog.GetProduct(coop, product.ProductId)).Body.StockOnHand);
    }

    [Fact]
    public async Task A_retried_restock_is_counted_once()
    {
        var scenario = await CatalogScenario.CreateAsync(factory);
        var seller = await scenario.AddSellerAsync();
        var coop = scenario.CooperativeId;
        var product = await scenario.ListedProductAsync(seller);
        var key = Guid.NewGuid().ToString();

        var first = await seller.Catalog.AdjustStock(coop, product.ProductId, new AdjustStockRequest("Restock", 10m, null, null), key);
        var retry = await seller.Catalog.AdjustStock(coop, product.ProductId, new AdjustStockRequest("Restock", 10m, null, null), key);

        Assert.Equal(first.Body.AdjustmentId, retry.Body.AdjustmentId);
        Assert.Equal(10m, (await seller.Catalog.GetProduct(coop, product.ProductId)).Body.StockOnHand);
    }

    [Fact]
    public async Task Two_phones_restocking_at_once_both_count_or_one_is_told_to_retry_never_lost()
    {
        var scenario = await CatalogScenario.CreateAsync(factory);
        var seller = await scenario.AddSellerAsync();
        var coop = scenario.CooperativeId;
        var product = await scenario.ListedProductAsync(seller);

        var replies = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ =>
            seller.Catalog.AdjustStock(coop, product.ProductId, new AdjustStockRequest("Restock", 1m, null, null))));

        Assert.All(replies, r => Assert.True(r.Status is HttpStatusCode.Created or HttpStatusCode.Conflict, r.Text));
        var accepted = replies.Count(r => r.Status == HttpStatusCode.Created);
        var history = (await seller.Catalog.StockHistory(coop, product.ProductId)).Body;
        Assert.Equal(accepted, history.TotalCount);
        Assert.Equal(Enumerable.Range(1, accepted).Select(i => (long)i).Reverse(), history.Items.Select(a => a.Sequence));
        Assert.Equal(accepted, (await seller.Catalog.GetProduct(coop, product.ProductId)).Body.StockOnHand);
    }

    [Fact]
    public async Task The_unit_cannot_change_while_stock_is_on_hand()
    {
        var scenario = await CatalogScenario.CreateAsync(factory);
        var seller = await scenario.AddSellerAsync();
        var product = await scenario.ListedProductAsync(seller, stock: 2m);

        var reply = await seller.Catalog.EditProduct(scenario.CooperativeId, product.ProductId, EditOf(product, unit: "Kilogram"));

        Assert.Equal("UnitCannotChangeOnceStockIsHeldRule", reply.BrokenRule);
    }

    [Fact]
    public async Task A_livestream_host_without_the_seller_role_cannot_list()
    {
        var scenario = await CatalogScenario.CreateAsync(factory);
        var host = await scenario.AddMemberAsync("Liu Yang", "Xiaozhai", MemberRoles.LivestreamHost);

        Assert.Equal(HttpStatusCode.Forbidden, (await host.Catalog.CreateProduct(scenario.CooperativeId, CatalogTestData.RiceWine())).Status);
    }
}
