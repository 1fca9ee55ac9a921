using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using RuralCommerce.Orders.Persistence;
using RuralCommerce.TestSupport;

namespace RuralCommerce.Browser.Tests;

/// <summary>Buying on a 360 × 740 phone in Chinese: cart, address, checkout, payment, my orders.</summary>
public sealed class OrdersJourneyTests(BrowserHost host) : IClassFixture<BrowserHost>
{
    [Fact]
    public async Task A_buyer_puts_rice_wine_in_the_cart_checks_out_to_the_village_and_pays()
    {
        var scenario = await CatalogScenario.CreateAsync(host, "孝感米酒合作社");
        var seller = await scenario.AddSellerAsync("陈洁", "朱湖村");
        var wine = await scenario.ListedProductAsync(seller, CatalogTestData.RiceWine(price: 45.50m) with { Name = "孝感米酒 1 升", Unit = "Bottle", NetContent = null }, stock: 20m);
        await Eventually.HoldsAsync(async () =>
        {
            await using var scope = host.Services.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<OrdersDbContext>().SellableProducts.AnyAsync(p => p.Id == wine.ProductId && p.DeclaredMilli == 20_000);
        }, "Orders knows the wine and its stock");
        var (phone, _) = await host.NewVerifiedPersonAsync("赵磊");
        var page = await host.NewPhoneAsync();
        await host.SignInAsync(page, phone);

        await page.GotoAsync($"/shop/products/{wine.ProductId}");
        await page.GetByRole(AriaRole.Link, new() { Name = "加入购物车" }).ClickAsync();
        await page.GetByLabel("数量（瓶）").FillAsync("2");
        await JourneyTests.CheckAsync(page, "add-to-cart");
        await page.GetByRole(AriaRole.Button, new() { Name = "加入购物车" }).ClickAsync();

        await page.WaitForURLAsync("**/cart");
        await Assertions.Expect(page.Locator(".price")).ToContainTextAsync("91.00");
        await page.GetByLabel("收货人").FillAsync("赵磊");
        await page.GetByLabel("手机号").FillAsync("13800138000");
        await page.GetByLabel("省").FillAsync("湖北");
        await page.GetByLabel("县（区）").FillAsync("孝南区");
        await page.GetByLabel("乡镇").FillAsync("朱湖镇");
        await page.GetByLabel("村", new() { Exact = true }).FillAsync("朱湖村");
        await page.GetByLabel("详细地址（组、门牌号）").FillAsync("三组 12 号");
        await page.GetByLabel("支付方式").SelectOptionAsync("Alipay");
        await JourneyTests.CheckAsync(page, "cart");
        await page.GetByRole(AriaRole.Button, new() { Name = "提交订单" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("下单成功");
        await Assertions.Expect(page.Locator("dl")).ToContainTextAsync("待付款");
        await JourneyTests.CheckAsync(page, "order");
        await page.GetByRole(AriaRole.Button, new() { Name = "去支付" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("模拟支付");
        await JourneyTests.CheckAsync(page, "pay");
        await page.GetByRole(AriaRole.Button, new() { Name = "确认支付" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("支付成功");
        await Assertions.Expect(page.Locator("dl")).ToContainTextAsync("已付款");
        await page.GotoAsync("/my/orders");
        await Assertions.Expect(page.Locator(".cards li")).ToContainTextAsync("孝感米酒 1 升");
        await JourneyTests.CheckAsync(page, "my-orders");

        await page.GotoAsync("/cart");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("购物车是空的");
    }
}
