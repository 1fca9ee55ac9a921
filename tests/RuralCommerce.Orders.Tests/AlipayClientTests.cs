using System.Text;
using System.Text.Json.Nodes;
using RuralCommerce.Orders.Payments.Alipay;
using RuralCommerce.TestSupport.Payments;

namespace RuralCommerce.Orders.Tests;

/// <summary>The Alipay third-party-app client against the simulator of the documented protocol.</summary>
public sealed class AlipayClientTests
{
    private const string Cooperative = "2088102177846880";

    private readonly AlipaySimulator _alipay = new(TimeProvider.System);
    private readonly string _token;

    public AlipayClientTests() => _token = _alipay.Authorise(Cooperative);

    [Fact]
    public void The_phone_and_computer_payment_pages_are_signed_for_the_cooperatives_token_and_open_a_trade_at_Alipay()
    {
        var order = Order("0193a6f4c2d87e5b8a1c3d9e0f2a4b6c", 13_600);
        var wap = Client().WapPayUrl(_token, order, new Uri("https://ruralcommerce.example/my/orders/0193a6f4?paid=1"));

        var page = _alipay.OpenPayPage(wap)!;
        Assert.Equal(("alipay.trade.wap.pay", _token, "https://ruralcommerce.example/api/orders/payments/alipay/notify"), (page["method"], page["app_auth_token"], page["notify_url"]));
        var biz = JsonNode.Parse(page["biz_content"])!;
        Assert.Equal(("136.00", "QUICK_WAP_WAY", "2026-12-08 10:30:00", "雷山香菇合作社-椴木干香菇"),
            (biz["total_amount"]!.GetValue<string>(), biz["product_code"]!.GetValue<string>(), biz["time_expire"]!.GetValue<string>(), biz["subject"]!.GetValue<string>()));
        Assert.StartsWith(AlipaySimulator.Gateway + "?", wap.ToString());

        var computer = _alipay.OpenPayPage(Client().PagePayUrl(_token, Order("RC-page-00001", 100), new Uri("https://ruralcommerce.example/")))!;
        Assert.Equal("FAST_INSTANT_TRADE_PAY", JsonNode.Parse(computer["biz_content"])!["product_code"]!.GetValue<string>());

        var tampered = new Uri(wap.ToString().Replace("136.00", "1.36", StringComparison.Ordinal));
        Assert.Null(_alipay.OpenPayPage(tampered));
    }

    [Fact]
    public async Task A_query_follows_a_trade_from_unknown_to_paid_and_closing_stops_an_unpaid_one()
    {
        var client = Client();
        var none = CancellationToken.None;
        Assert.Null(await client.QueryAsync(_token, "RC-query-00001", none));
        await client.CloseAsync(_token, "RC-query-00001", none);

        _alipay.OpenPayPage(client.WapPayUrl(_token, Order("RC-query-00001", 4_550), new Uri("https://ruralcommerce.example/")));
        Assert.Equal(("WAIT_BUYER_PAY", false), Of(await client.QueryAsync(_token, "RC-query-00001", none)));
        var tradeNo = _alipay.Pay(Cooperative, "RC-query-00001");
        var paid = (await client.QueryAsync(_token, "RC-query-00001", none))!;
        Assert.Equal((true, tradeNo, 4_550L), (paid.Paid, paid.TradeNo, paid.TotalFen));
        Assert.Equal("ACQ.TRADE_STATUS_ERROR", (await Assert.ThrowsAsync<AlipayException>(() => client.CloseAsync(_token, "RC-query-00001", none))).Code);

        _alipay.OpenPayPage(client.WapPayUrl(_token, Order("RC-query-00002", 100), new Uri("https://ruralcommerce.example/")));
        await client.CloseAsync(_token, "RC-query-00002", none);
        Assert.Equal(("TRADE_CLOSED", false), Of(await client.QueryAsync(_token, "RC-query-00002", none)));
    }

    [Fact]
    public async Task A_refund_whose_answer_is_lost_is_retried_with_the_same_request_number_and_refunds_once()
    {
        var client = Client();
        var none = CancellationToken.None;
        _alipay.OpenPayPage(client.WapPayUrl(_token, Order("RC-refund-0001", 13_600), new Uri("https://ruralcommerce.example/")));
        _alipay.Pay(Cooperative, "RC-refund-0001");

        _alipay.Then(ProviderFault.LoseAnswer, ProviderFault.ServerError);
        var refund = await client.RefundAsync(_token, "RC-refund-0001", "RF-0001", 6_800, "香菇少发一斤", none);
        var again = await client.RefundAsync(_token, "RC-refund-0001", "RF-0001", 6_800, "香菇少发一斤", none);

        Assert.Equal(6_800L, refund.RefundFen);
        Assert.False(again.FundChanged);
        Assert.Equal(6_800L, _alipay.RefundedFen);
        Assert.Equal("ACQ.REFUND_AMT_NOT_EQUAL_TOTAL", (await Assert.ThrowsAsync<AlipayException>(() => client.RefundAsync(_token, "RC-refund-0001", "RF-0002", 6_801, "多退", none))).Code);
    }

    [Theory]
    [InlineData(ProviderFault.SignWithUnknownKey)]
    [InlineData(ProviderFault.TamperAnswer)]
    public async Task An_answer_that_fails_its_signature_check_is_not_believed(ProviderFault fault)
    {
        _alipay.Then(fault);

        var refused = await Assert.ThrowsAsync<AlipayException>(() => Client().QueryAsync(_token, "RC-trust-00001", CancellationToken.None));

        Assert.Equal("ANSWER_NOT_TRUSTED", refused.Code);
    }

    [Fact]
    public async Task A_request_signed_with_another_key_or_for_an_unknown_token_is_refused_and_a_notification_verifies()
    {
        using var stranger = System.Security.Cryptography.RSA.Create(2048);
        Assert.Equal("isv.invalid-signature", (await Assert.ThrowsAsync<AlipayException>(() => Client(stranger).QueryAsync(_token, "RC-x-000001", CancellationToken.None))).Code);
        Assert.Equal("aop.invalid-app-auth-token", (await Assert.ThrowsAsync<AlipayException>(() => Client().QueryAsync("not-a-token", "RC-x-000001", CancellationToken.None))).Code);

        _alipay.OpenPayPage(Client().WapPayUrl(_token, Order("RC-notify-0001", 13_600), new Uri("https://ruralcommerce.example/")));
        _alipay.Pay(Cooperative, "RC-notify-0001");
        var notification = _alipay.PaymentNotification(Cooperative, "RC-notify-0001");
        Assert.True(AlipaySignature.IsAlipays(_alipay.AlipayPublicKey, notification));
        Assert.Equal(("TRADE_SUCCESS", "136.00", Cooperative), (notification["trade_status"], notification["total_amount"], notification["seller_id"]));
        Assert.False(AlipaySignature.IsAlipays(_alipay.AlipayPublicKey, new Dictionary<string, string>(notification) { ["total_amount"] = "1.36" }));
    }

    private AlipayClient Client(System.Security.Cryptography.RSA? key = null) => new(
        new HttpClient(_alipay),
        new AlipayApp(AlipaySimulator.AppId, key ?? _alipay.AppKey, _alipay.AlipayPublicKey, AlipaySimulator.Gateway,
            new Uri("https://ruralcommerce.example/api/orders/payments/alipay/notify")),
        TimeProvider.System);

    private static AlipayOrder Order(string outTradeNo, long fen) =>
        new(outTradeNo, "雷山香菇合作社-椴木干香菇", fen, new DateTimeOffset(2026, 12, 8, 2, 30, 0, TimeSpan.Zero));

    private static (string, bool) Of(AlipayTrade? trade) => (trade!.TradeStatus, trade.Paid);
}
