using System.Net;

namespace RuralCommerce.Orders.Tests;

/// <summary>What the buyer's pages say is true when it is read: a refused checkout says why, beside its cause.</summary>
public sealed class BuyerPageTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private readonly OrdersKit _kit = new(factory);

    [Fact]
    public async Task A_refused_payment_method_is_named_beside_the_choice_and_nothing_is_ordered()
    {
        var (_, _, product) = await _kit.ProductInStockAsync(10m);
        var (phone, session) = await factory.NewVerifiedPersonAsync("赵磊");
        var buyer = new OrdersApi(factory.ClientFor(session));
        await buyer.PutInCart(product.ProductId, 1m);
        using var browser = new PageBrowser(factory);
        await browser.SignInAsync(phone);

        using var refused = await browser.SubmitAsync("/cart", "checkout", new Dictionary<string, string>
        {
            ["Form.AddressId"] = "",
            ["Form.Recipient"] = "赵磊",
            ["Form.Phone"] = "+8613800138000",
            ["Form.Province"] = "湖北",
            ["Form.County"] = "孝昌县",
            ["Form.Township"] = "花园镇",
            ["Form.Village"] = "朱湖村",
            ["Form.Detail"] = "三组 12 号",
            ["Form.PaymentMethod"] = "PaidOnPlatform",
        });
        var html = await refused.Content.ReadAsStringAsync();

        Assert.Contains("id=\"payment-error\"", html, StringComparison.Ordinal);
        Assert.Empty((await buyer.Mine()).Body.Items);
    }

    [Fact]
    public async Task An_order_page_reopened_after_payment_no_longer_asks_for_it()
    {
        var (_, _, product) = await _kit.ProductInStockAsync(10m);
        var (phone, session) = await factory.NewVerifiedPersonAsync("赵磊");
        var buyer = new OrdersApi(factory.ClientFor(session));
        var order = (await buyer.Place(OrdersApi.Buy(product.ProductId, 1m, "Alipay"))).Body;
        using var browser = new PageBrowser(factory);
        await browser.SignInAsync(phone);

        var unpaid = await browser.GetHtmlAsync($"/my/orders/{order.OrderId}?placed=1");
        await new PaymentProvider(factory).NotifyAsync(order.OrderId, $"tx-{order.OrderId}", (long)(order.Total * 100));
        var paid = await browser.GetHtmlAsync($"/my/orders/{order.OrderId}?placed=1");

        Assert.Contains("请尽快支付", unpaid, StringComparison.Ordinal);
        Assert.DoesNotContain("请尽快支付", paid, StringComparison.Ordinal);
        Assert.Contains("class=\"button secondary\"", paid, StringComparison.Ordinal);
    }
}
