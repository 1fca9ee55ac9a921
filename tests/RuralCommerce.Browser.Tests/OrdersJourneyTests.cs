using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using RuralCommerce.Catalog.Features.Common;
using RuralCommerce.Orders.Persistence;
using RuralCommerce.TestSupport;
using RuralCommerce.TestSupport.Orders;

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

    [Fact]
    public async Task A_cart_of_two_cooperatives_becomes_two_orders_paid_one_after_another_and_the_platform_records_a_cooperatives_merchant_ids()
    {
        var wine = await ProductAsync("孝感米酒合作社", "孝感米酒 1 升", 45.50m);
        var mushrooms = await ProductAsync("雷山香菇合作社", "椴木干香菇 500 克", 68.00m);
        var (phone, session) = await host.NewVerifiedPersonAsync("赵磊");
        var buyer = new OrdersApi(host.ClientFor(session));
        await buyer.PutInCart(wine.Product.ProductId, 1m);
        await buyer.PutInCart(mushrooms.Product.ProductId, 2m);
        await buyer.SaveAddress(OrdersApi.Home("赵磊"), isDefault: true);
        var page = await host.NewPhoneAsync();
        await host.SignInAsync(page, phone);

        await page.GotoAsync("/cart");
        await page.GetByLabel("支付方式").SelectOptionAsync("WeChatPay");
        await page.GetByRole(AriaRole.Button, new() { Name = "提交订单" }).ClickAsync();

        await page.WaitForURLAsync("**/my/orders?placed=2");
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("已分成 2 个订单");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "去付款" })).ToHaveCountAsync(2);
        await JourneyTests.CheckAsync(page, "checkout-split");
        await page.GetByRole(AriaRole.Link, new() { Name = "去付款" }).First.ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "去支付" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "确认支付" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("支付成功");
        await page.GotoAsync("/my/orders");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "去付款" })).ToHaveCountAsync(1);

        var platform = await host.NewPhoneAsync();
        await host.SignInAsync(platform, BrowserHost.AdminPhone, BrowserHost.AdminPassword);
        await platform.GotoAsync($"/cooperatives/{mushrooms.Shop.CooperativeId}/payments");
        await platform.GetByLabel("微信支付子商户号").FillAsync("19000-00109");
        await platform.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
        await Assertions.Expect(platform.Locator(".field-error")).ToContainTextAsync("8 至 32 位数字");
        await platform.GetByLabel("微信支付子商户号").FillAsync("1900000109");
        await platform.GetByLabel("支付宝商户号").FillAsync("2088102177846880");
        await platform.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
        await Assertions.Expect(platform.GetByRole(AriaRole.Status)).ToContainTextAsync("已保存");
        await Assertions.Expect(platform.Locator("dl")).ToContainTextAsync("1900000109");
        await JourneyTests.CheckAsync(platform, "payment-settings");
    }

    private async Task<(CatalogScenario Shop, ProductResponse Product)> ProductAsync(string cooperative, string name, decimal price)
    {
        var shop = await CatalogScenario.CreateAsync(host, cooperative);
        var seller = await shop.AddSellerAsync("陈洁", "朱湖村");
        var product = await shop.ListedProductAsync(seller, CatalogTestData.RiceWine(price: price) with { Name = name, Unit = "Bottle", NetContent = null }, stock: 20m);
        await Eventually.HoldsAsync(async () =>
        {
            await using var scope = host.Services.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<OrdersDbContext>().SellableProducts.AnyAsync(p => p.Id == product.ProductId && p.DeclaredMilli == 20_000);
        }, "Orders knows the product and its stock");
        return (shop, product);
    }
}
