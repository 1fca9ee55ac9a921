using System.Net;

namespace RuralCommerce.Catalog.Tests;

public sealed class ShopApiTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task Buyers_find_listed_products_by_text_category_cooperative_county_and_price_without_signing_in()
    {
        var scenario = await CatalogScenario.CreateAsync(factory);
        var seller = await scenario.AddSellerAsync();
        var coop = scenario.CooperativeId;
        var marker = Guid.NewGuid().ToString("N")[..8];
        var shiitake = await scenario.ListedProductAsync(seller, CatalogTestData.Shiitake(price: 68m, name: $"Shiitake {marker}"), stock: 12m);
        var wine = await scenario.ListedProductAsync(seller, CatalogTestData.RiceWine(price: 45.50m) with { Description = $"brewed {marker}" });
        await seller.Catalog.CreateProduct(coop, CatalogTestData.Shiitake(name: $"Draft {marker}"));
        var shop = scenario.Anonymous;

        var byText = (await shop.Search($"?q={marker}")).Body;
        Assert.Equal([wine.ProductId, shiitake.ProductId], byText.Items.Select(p => p.ProductId));
        var first = byText.Items[1];
        Assert.Equal((68m, 12m, "Xiaozhai Mushroom Cooperative", "Pujiang"), (first.ListPrice, first.Available, first.CooperativeName, first.County));

        Assert.Equal([shiitake.ProductId], (await shop.Search($"?q={marker}&category=DriedMushrooms")).Body.Items.Select(p => p.ProductId));
        Assert.Equal([wine.ProductId], (await shop.Search($"?q={marker}&maxPrice=50")).Body.Items.Select(p => p.ProductId));
        Assert.Equal([shiitake.ProductId], (await shop.Search($"?q={marker}&minPrice=45.51")).Body.Items.Select(p => p.ProductId));
        Assert.Equal(2, (await shop.Search($"?q={marker}&cooperativeId={coop}&county=Pujiang")).Body.TotalCount);
        Assert.Equal(0, (await shop.Search($"?q={marker}&county=Leishan")).Body.TotalCount);
        Assert.Equal([wine.ProductId, shiitake.ProductId], (await shop.Search($"?q={marker}&sort=PriceAscending")).Body.Items.Select(p => p.ProductId));
        Assert.Equal([shiitake.ProductId, wine.ProductId], (await shop.Search($"?q={marker}&sort=PriceDescending")).Body.Items.Select(p => p.ProductId));
        var paged = (await shop.Search($"?q={marker}&pageSize=1&page=2")).Body;
        Assert.Equal((2, 1, shiitake.ProductId), (paged.TotalCount, paged.Items.Count, paged.Items[0].ProductId));
    }

    [Fact]
    public async Task Bad_search_parameters_are_named()
    {
        var reply = await new CatalogApi(factory.CreateClient()).Search("?category=Gold&sort=Random&minPrice=10&maxPrice=5&pageSize=500");

        Assert.Equal(HttpStatusCode.BadRequest, reply.Status);
        Assert.Contains("pageSize", reply.FieldErrors.Keys);
    }

    [Fact]
    public async Task Search_parameters_other_than_paging_are_named_together()
    {
        var api = new CatalogApi(factory.CreateClient());

        // The limits the document declares are checked first, all together; a rule between fields comes after them.
        var reply = await api.Search("?category=Gold&sort=Random&minPrice=-1&maxPrice=5");
        var backwards = await api.Search("?minPrice=10&maxPrice=5");

        Assert.Equal(["category", "minPrice", "sort"], reply.FieldErrors.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(["maxPrice"], backwards.FieldErrors.Keys);
    }

    [Fact]
    public async Task A_product_page_shows_the_grower_and_batches_and_a_draft_is_not_found()
    {
        var scenario = await CatalogScenario.CreateAsync(factory);
        var seller = await scenario.AddSellerAsync("Zhang Min", village: "Xijiang");
        var product = await scenario.ListedProductAsync(seller, stock: 3m);
        await seller.Catalog.RegisterBatch(scenario.CooperativeId, product.ProductId,
            new Features.RegisterBatch.RegisterBatchRequest("XJ-1", new DateOnly(2026, 10, 1), null, 50m, null));
        var draft = (await seller.Catalog.CreateProduct(scenario.CooperativeId, CatalogTestData.Shiitake())).Body;

        var page = (await scenario.Anonymous.ShopProduct(product.ProductId)).Body;

        Assert.True(page.Buyable);
        Assert.Equal(("Zhang Min", "Xijiang"), (page.Seller.Name, page.Seller.Village));
        var batch = Assert.Single(page.Batches);
        Assert.Equal(("XJ-1", "Xijiang"), (batch.Code, batch.Village));
        Assert.Equal(HttpStatusCode.NotFound, (await scenario.Anonymous.ShopProduct(draft.ProductId)).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await scenario.Anonymous.ShopProduct(Guid.NewGuid())).Status);
    }

    [Fact]
    public async Task A_storefront_lists_one_cooperatives_products()
    {
        var scenario = await CatalogScenario.CreateAsync(factory);
        var seller = await scenario.AddSellerAsync();
        var product = await scenario.ListedProductAsync(seller);

        var storefront = (await scenario.Anonymous.Storefront(scenario.CooperativeId)).Body;

        Assert.True(storefront.Open);
        Assert.Equal(("Xiaozhai Mushroom Cooperative", "Pujiang"), (storefront.Name, storefront.County));
        Assert.Equal([product.ProductId], storefront.Products.Items.Select(p => p.ProductId));
        Assert.Equal(HttpStatusCode.NotFound, (await scenario.Anonymous.Storefront(Guid.NewGuid())).Status);
    }
}
