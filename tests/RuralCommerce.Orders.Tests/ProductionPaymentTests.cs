using System.Net;
using System.Text;

namespace RuralCommerce.Orders.Tests;

/// <summary>
/// Production offers only the money it can really collect. The development gateway, its pay page and its callback
/// record a payment nobody made: outside Development they do not exist.
/// </summary>
public sealed class ProductionPaymentTests(ProductionApiFactory factory) : IClassFixture<ProductionApiFactory>
{
    private readonly OrdersKit _kit = new(factory);

    [Fact]
    public async Task In_production_a_buyer_cannot_get_an_order_marked_paid_without_paying()
    {
        var (_, _, product) = await _kit.ProductInStockAsync(10m);
        var (phone, session) = await factory.NewVerifiedPersonAsync("Zhao Lei");
        var buyer = new OrdersApi(factory.ClientFor(session));

        foreach (var online in new[] { "WeChatPay", "Alipay", "BankTransfer" })
        {
            var refused = await buyer.Place(OrdersApi.Buy(product.ProductId, 1m, online));
            Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
            Assert.Contains("CashOnDelivery", Assert.Single(refused.FieldErrors["paymentMethod"]), StringComparison.Ordinal);
        }

        var order = (await buyer.Place(OrdersApi.Buy(product.ProductId, 1m, "CashOnDelivery"))).Body;
        using var browser = new PageBrowser(factory);
        await browser.SignInAsync(phone);
        using var payPage = await browser.GetAsync($"/pay/dev/{order.OrderId}");
        using var confirm = await browser.SubmitAsync($"/my/orders/{order.OrderId}", "confirm-payment", new Dictionary<string, string>(), $"/pay/dev/{order.OrderId}");
        using var raw = factory.CreateDefaultClient(factory.ClientOptions.BaseAddress);
        using var body = new StringContent($$"""{"orderId":"{{order.OrderId}}","transactionId":"forged","amountFen":4550}""", Encoding.UTF8, "application/json");
        using var callback = await raw.PostAsync(new Uri("/api/orders/payments/callback", UriKind.Relative), body);

        Assert.Equal(HttpStatusCode.NotFound, payPage.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, confirm.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, callback.StatusCode);
        var unpaid = (await buyer.Get(order.OrderId)).Body;
        Assert.Equal(("Confirmed", null), (unpaid.Status, unpaid.PaidAt));
        Assert.Equal("PaidOnDelivery", (await buyer.Pay(order.OrderId)).Problem.GetProperty("reason").GetString());
    }

    [Fact]
    public async Task The_checkout_page_offers_only_what_the_host_can_collect()
    {
        var (_, _, product) = await _kit.ProductInStockAsync(10m);
        var (phone, session) = await factory.NewVerifiedPersonAsync("Zhao Lei");
        await new OrdersApi(factory.ClientFor(session)).PutInCart(product.ProductId, 1m);
        using var browser = new PageBrowser(factory);
        await browser.SignInAsync(phone);

        var cart = await browser.GetHtmlAsync("/cart");

        Assert.Contains("value=\"CashOnDelivery\"", cart, StringComparison.Ordinal);
        Assert.DoesNotContain("value=\"WeChatPay\"", cart, StringComparison.Ordinal);
        Assert.DoesNotContain("value=\"PaidOnPlatform\"", cart, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("WeChatPay,CashOnDelivery", "offers WeChatPay, but no payment provider is configured")]
    [InlineData("BankTransfer", "offers BankTransfer, but no payment provider is configured")]
    [InlineData("Cheque", "names 'Cheque'")]
    public void A_production_host_offering_money_it_cannot_collect_refuses_to_start(string methods, string reason)
    {
        using var host = new ProductionHostWith(new Dictionary<string, string> { ["Orders:PaymentMethods"] = methods });

        var failure = Assert.ThrowsAny<Exception>(() => host.CreateClient());

        Assert.Contains(reason, failure.ToString(), StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(host.DataDirectory, "*.db"));
    }

    private sealed class ProductionHostWith(IReadOnlyDictionary<string, string> settings) : ProductionApiFactory(settings);
}
