using Microsoft.Playwright;
using RuralCommerce.Catalog.Features.RegisterBatch;
using RuralCommerce.Catalog.Features.ScheduleLivestream;
using RuralCommerce.Cooperatives.Contracts;
using RuralCommerce.TestSupport;
using SkiaSharp;

namespace RuralCommerce.Browser.Tests;

/// <summary>Selling, buying and tracing produce on a 360 × 740 phone in Chinese.</summary>
public sealed class CatalogJourneyTests(BrowserHost host) : IClassFixture<BrowserHost>
{
    private static byte[] PhonePhoto()
    {
        using var bitmap = new SKBitmap(1600, 1200);
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(new SKColor(0x6B, 0x45, 0x23));
            using var paint = new SKPaint { Color = new SKColor(0xE8, 0xD5, 0xB0) };
            for (var i = 0; i < 12; i++)
            {
                canvas.DrawCircle(150 + (i % 4 * 400), 200 + (i / 4 * 380), 140, paint);
            }
        }

        using var image = SKImage.FromBitmap(bitmap);
        using var data = image.Encode(SKEncodedImageFormat.Jpeg, 85);
        return data.ToArray();
    }

    [Fact]
    public async Task A_seller_lists_dried_shiitake_with_a_photo_from_the_phone_and_a_buyer_finds_it()
    {
        var scenario = await CatalogScenario.CreateAsync(host, "黔东南香菇合作社");
        var seller = await scenario.AddSellerAsync("张敏", "西江村");
        var page = await host.NewPhoneAsync();
        await host.SignInAsync(page, seller.Phone);
        var marker = Random.Shared.Next(1000, 9999).ToString(System.Globalization.CultureInfo.InvariantCulture);

        await page.GotoAsync("/my/products");
        await page.WaitForURLAsync($"**/cooperatives/{scenario.CooperativeId}/products");
        await page.GetByRole(AriaRole.Link, new() { Name = "新增商品" }).ClickAsync();
        await page.GetByLabel("商品编码").FillAsync($"XG-{marker}");
        await page.GetByLabel("商品名称").FillAsync($"玉米芯香菇干 500 克 {marker}");
        await page.GetByLabel("品类").SelectOptionAsync("DriedMushrooms");
        await page.GetByLabel("销售单位").SelectOptionAsync("Bag");
        await page.GetByLabel("净含量", new() { Exact = true }).FillAsync("500");
        await page.GetByLabel("售价（元）").FillAsync("68.00");
        await page.GetByLabel("介绍").FillAsync("用玉米芯做基质种植的厚菇，自然晒干。");
        await page.GetByLabel("照片（可拍照）").SetInputFilesAsync(new FilePayload { Name = "IMG_2041.jpg", MimeType = "image/jpeg", Buffer = PhonePhoto() });
        await JourneyTests.CheckAsync(page, "create-product");
        await page.GetByRole(AriaRole.Button, new() { Name = "创建商品" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("商品已创建");
        await Assertions.Expect(page.Locator(".photos img")).ToHaveCountAsync(1);
        await page.GetByRole(AriaRole.Button, new() { Name = "上架" }).ClickAsync();
        await Assertions.Expect(page.Locator("dl")).ToContainTextAsync("在售");
        await page.GetByLabel("数量（袋）").FillAsync("120");
        await page.GetByRole(AriaRole.Button, new() { Name = "记录库存" }).ClickAsync();
        await Assertions.Expect(page.Locator("dl")).ToContainTextAsync("120 袋");
        await JourneyTests.CheckAsync(page, "seller-product");

        var buyer = await host.NewPhoneAsync();
        await buyer.GotoAsync("/shop");
        await buyer.GetByLabel("搜索商品").FillAsync(marker);
        await buyer.GetByLabel("品类").SelectOptionAsync("DriedMushrooms");
        await buyer.GetByRole(AriaRole.Button, new() { Name = "搜索" }).ClickAsync();
        await Assertions.Expect(buyer.Locator(".product")).ToHaveCountAsync(1);
        await Assertions.Expect(buyer.Locator(".product")).ToContainTextAsync("¥68.00 / 袋（500 克）");
        await Assertions.Expect(buyer.Locator(".product img")).ToHaveJSPropertyAsync("complete", true);
        await JourneyTests.CheckAsync(buyer, "shop");
        await buyer.Locator(".product a").ClickAsync();
        await Assertions.Expect(buyer.Locator("h1")).ToContainTextAsync("玉米芯香菇干");
        await Assertions.Expect(buyer.Locator("main")).ToContainTextAsync("张敏（西江村）");
        await JourneyTests.CheckAsync(buyer, "shop-product");
    }

    [Fact]
    public async Task A_buyer_scans_a_bag_and_reads_who_grew_it_without_signing_in()
    {
        var scenario = await CatalogScenario.CreateAsync(host, "黔东南香菇合作社");
        var seller = await scenario.AddSellerAsync("王芳", "西江村");
        var product = await scenario.ListedProductAsync(seller, CatalogTestData.Shiitake(name: "玉米芯香菇干 500 克"));
        var batch = (await seller.Catalog.RegisterBatch(scenario.CooperativeId, product.ProductId,
            new RegisterBatchRequest($"XJ-{Random.Shared.Next(10000, 99999)}", new DateOnly(2026, 11, 2), null, 300m, "玉米芯基质"))).Body;
        var page = await host.NewPhoneAsync();

        await page.GotoAsync(batch.TracePath);

        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("玉米芯香菇干 500 克");
        await Assertions.Expect(page.Locator("dl")).ToContainTextAsync("王芳");
        await Assertions.Expect(page.Locator("dl")).ToContainTextAsync("黔东南香菇合作社");
        await Assertions.Expect(page.Locator("dl")).ToContainTextAsync("玉米芯基质");
        await JourneyTests.CheckAsync(page, "trace");

        var sellerPage = await host.NewPhoneAsync();
        await host.SignInAsync(sellerPage, seller.Phone);
        await sellerPage.GotoAsync($"/cooperatives/{scenario.CooperativeId}/products/{product.ProductId}/labels");
        await Assertions.Expect(sellerPage.Locator(".labels img").First).ToHaveJSPropertyAsync("complete", true);
        Assert.True(await sellerPage.Locator(".labels img").First.EvaluateAsync<int>("img => img.naturalWidth") > 0, "the QR label image loads");
        await JourneyTests.CheckAsync(sellerPage, "labels");
    }

    [Fact]
    public async Task A_host_goes_live_and_pins_a_product_with_one_tap()
    {
        var scenario = await CatalogScenario.CreateAsync(host, "湖北米酒合作社");
        var seller = await scenario.AddSellerAsync("陈杰", "朱河村");
        var hostMember = await scenario.AddMemberAsync("刘洋", "朱河村", MemberRoles.LivestreamHost);
        var wine = await scenario.ListedProductAsync(seller, CatalogTestData.RiceWine(price: 45.50m) with { Name = "孝感米酒 750 毫升" });
        var start = DateTimeOffset.UtcNow.AddHours(1);
        _ = (await hostMember.Catalog.ScheduleLivestream(scenario.CooperativeId,
            new LivestreamPlanRequest("米酒节直播", start, start.AddHours(4), "Douyin", "https://live.douyin.com/123"))).Body;
        var page = await host.NewPhoneAsync();
        await host.SignInAsync(page, hostMember.Phone);

        await page.GotoAsync("/my/livestreams");
        await page.GetByRole(AriaRole.Link, new() { Name = "米酒节直播" }).ClickAsync();
        await page.GetByLabel("直播价（元）").FillAsync("39.90");
        await page.GetByLabel("本场限量（不填为不限）").FillAsync("200");
        await page.GetByRole(AriaRole.Button, new() { Name = "加入直播商品" }).ClickAsync();
        await Assertions.Expect(page.Locator(".featured li")).ToContainTextAsync("¥39.90");
        await page.GetByRole(AriaRole.Button, new() { Name = "开始直播" }).ClickAsync();
        await Assertions.Expect(page.Locator(".badge").First).ToHaveTextAsync("直播中");
        await page.GetByRole(AriaRole.Button, new() { Name = "置顶讲解" }).ClickAsync();
        await Assertions.Expect(page.Locator(".featured li.pinned")).ToContainTextAsync("正在讲解");
        await JourneyTests.CheckAsync(page, "livestream-console");

        var buyer = await host.NewPhoneAsync();
        await buyer.GotoAsync($"/shop/products/{wine.ProductId}");
        await Assertions.Expect(buyer.Locator(".live")).ToContainTextAsync("直播价 ¥39.90（米酒节直播）");
    }
}
