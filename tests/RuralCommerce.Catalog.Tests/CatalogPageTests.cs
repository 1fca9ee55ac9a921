using System.Net;
using System.Text.RegularExpressions;
using RuralCommerce.Catalog.Features.RegisterBatch;
using Xunit.Abstractions;

namespace RuralCommerce.Catalog.Tests;

/// <summary>Catalog's pages over HTTP: what a buyer's phone downloads, and who may open what.</summary>
public sealed class CatalogPageTests(ApiFactory factory, ITestOutputHelper output) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task A_shop_page_of_twenty_products_with_photos_stays_within_the_budget_and_its_thumbnails_are_small()
    {
        var scenario = await CatalogScenario.CreateAsync(factory, "黔东南香菇合作社");
        var seller = await scenario.AddSellerAsync("张敏");
        for (var i = 0; i < 20; i++)
        {
            var product = await scenario.ListedProductAsync(seller, CatalogTestData.Shiitake(name: $"香菇干 {i:D2}"));
            await seller.Catalog.UploadPhoto(scenario.CooperativeId, product.ProductId, PhotoApiTests.Jpeg(1600, 1200, new SkiaSharp.SKColor((byte)(i * 12), 90, 40)), "p.jpg", "image/jpeg");
        }

        using var browser = new PageBrowser(factory);
        using var page = await browser.GetAsync($"/shop?q={Uri.EscapeDataString("香菇干")}");
        var html = await page.Content.ReadAsByteArrayAsync();
        var (bytes, _) = await PageWeight.MeasureAsync(factory, html);
        var thumbnails = Regex.Matches(System.Text.Encoding.UTF8.GetString(html), "src=\"(/api/catalog/photos/[0-9a-f]{64}\\.thumb\\.webp)\"").Select(m => m.Groups[1].Value).ToList();
        var thumbnailSizes = new List<long>();
        foreach (var thumbnail in thumbnails)
        {
            using var response = await browser.GetAsync(thumbnail);
            thumbnailSizes.Add((await response.Content.ReadAsByteArrayAsync()).Length);
        }

        var thumbnailBytes = thumbnailSizes.Sum();

        output.WriteLine($"shop page: {bytes:N0} bytes, thumbnails: {thumbnailBytes:N0} bytes, HTML: {html.Length:N0} bytes uncompressed");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal(20, thumbnails.Count);
        // Thumbnails load lazily: a phone fetches the four or five on its screen, not all twenty.
        Assert.True(bytes <= PageWeight.BudgetBytes, $"The shop page transfers {bytes:N0} bytes (budget {PageWeight.BudgetBytes:N0}).");
        Assert.All(thumbnailSizes, size => Assert.True(size <= 16 * 1024, $"A thumbnail of {size:N0} bytes."));
    }

    [Fact]
    public async Task The_trace_page_opens_without_signing_in_and_an_unknown_batch_is_the_404_page()
    {
        var scenario = await CatalogScenario.CreateAsync(factory);
        var seller = await scenario.AddSellerAsync("王芳", "西江村");
        var product = await scenario.ListedProductAsync(seller);
        var batch = (await seller.Catalog.RegisterBatch(scenario.CooperativeId, product.ProductId,
            new RegisterBatchRequest("P-1", new DateOnly(2026, 10, 1), null, 20m, null))).Body;
        using var anonymous = new PageBrowser(factory);

        var trace = await anonymous.GetHtmlAsync(batch.TracePath);
        using var unknown = await anonymous.GetAsync($"/trace/{scenario.CooperativeId}/NOPE");
        using var sellerPage = await anonymous.GetAsync($"/cooperatives/{scenario.CooperativeId}/products");

        Assert.Contains("王芳", trace, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, sellerPage.StatusCode);
        Assert.Contains("/signin", sellerPage.Headers.Location!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_seller_cannot_open_another_sellers_product_page_and_a_bad_form_says_why_in_Chinese()
    {
        var scenario = await CatalogScenario.CreateAsync(factory);
        var owner = await scenario.AddSellerAsync();
        var rival = await scenario.AddSellerAsync("Wu Lan");
        var product = await scenario.ListedProductAsync(owner);
        using var browser = new PageBrowser(factory);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.SignInAsync(rival.Phone, returnUrl: "/")).StatusCode);

        using var other = await browser.GetAsync($"/cooperatives/{scenario.CooperativeId}/products/{product.ProductId}");
        using var bad = await browser.SubmitAsync($"/cooperatives/{scenario.CooperativeId}/products/new", "create-product", new Dictionary<string, string>
        {
            ["Form.Code"] = "XG 1",
            ["Form.Name"] = "香菇",
            ["Form.Category"] = "DriedMushrooms",
            ["Form.Unit"] = "Bag",
            ["Form.ListPrice"] = "0",
        });
        var html = await bad.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
        Assert.Contains("请填写编码", html, StringComparison.Ordinal);
        Assert.Contains("请填写售价", html, StringComparison.Ordinal);
        Assert.Equal(0, (await rival.Catalog.ListProducts(scenario.CooperativeId)).Body.TotalCount);
    }
}
