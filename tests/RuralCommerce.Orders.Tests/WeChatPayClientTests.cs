using System.Security.Cryptography;
using System.Text;
using RuralCommerce.Orders.Payments.WeChatPay;
using RuralCommerce.TestSupport.Payments;
using Fault = RuralCommerce.TestSupport.Payments.ProviderFault;

namespace RuralCommerce.Orders.Tests;

/// <summary>The WeChat Pay partner-payments client against the simulator of the documented protocol.</summary>
public sealed class WeChatPayClientTests
{
    private const string Cooperative = "1900000109";

    private readonly WeChatPaySimulator _weChatPay = new(TimeProvider.System);

    [Fact]
    public async Task A_JSAPI_payment_is_placed_for_the_cooperative_as_sub_merchant_signed_and_placing_it_again_answers_the_same_prepay()
    {
        var client = Client();
        var order = Order("0193a6f4c2d87e5b8a1c3d9e0f2a4b6c", 13_600);

        var prepayId = await client.PrepayJsapiAsync(order, "oUpF8uMuAJO_M2pxb1Q9zNjWeS6o", CancellationToken.None);
        var again = await client.PrepayJsapiAsync(order, "oUpF8uMuAJO_M2pxb1Q9zNjWeS6o", CancellationToken.None);

        Assert.Equal(prepayId, again);
        var sent = _weChatPay.PrepayRequest(Cooperative, order.OutTradeNo)!;
        Assert.Equal((WeChatPaySimulator.ServiceProviderId, Cooperative, WeChatPaySimulator.AppId), (sent["sp_mchid"]!.GetValue<string>(), sent["sub_mchid"]!.GetValue<string>(), sent["sp_appid"]!.GetValue<string>()));
        Assert.Equal((13_600L, "CNY"), (sent["amount"]!["total"]!.GetValue<long>(), sent["amount"]!["currency"]!.GetValue<string>()));
        Assert.Equal("2026-12-08T10:30:00+08:00", sent["time_expire"]!.GetValue<string>());
        Assert.Equal("oUpF8uMuAJO_M2pxb1Q9zNjWeS6o", sent["payer"]!["sp_openid"]!.GetValue<string>());
        Assert.Equal("https://ruralcommerce.example/api/orders/payments/wechatpay/notify", sent["notify_url"]!.GetValue<string>());

        // The invocation handed to the buyer's WeChat is signed with the merchant's key over appId, timeStamp, nonceStr, package.
        var invocation = client.Invocation(prepayId);
        Assert.Equal(($"prepay_id={prepayId}", "RSA", WeChatPaySimulator.AppId), (invocation.Package, invocation.SignType, invocation.AppId));
        Assert.True(_weChatPay.MerchantKey.VerifyData(
            Encoding.UTF8.GetBytes($"{invocation.AppId}\n{invocation.TimeStamp}\n{invocation.NonceStr}\n{invocation.Package}\n"),
            Convert.FromBase64String(invocation.PaySign), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));

        var differentAmount = await Assert.ThrowsAsync<WeChatPayException>(() => client.PrepayJsapiAsync(order with { TotalFen = 1 }, "o", CancellationToken.None));
        Assert.Equal("INVALID_REQUEST", differentAmount.Code);
    }

    [Fact]
    public async Task H5_and_Native_payments_answer_where_to_pay_and_a_query_follows_the_payment_from_unknown_to_paid()
    {
        var client = Client();
        var token = CancellationToken.None;

        Assert.StartsWith("https://wx.tenpay.com/", await client.PrepayH5Async(Order("RC-h5-000001", 4_550), "203.0.113.7", token));
        Assert.Equal("203.0.113.7", _weChatPay.PrepayRequest(Cooperative, "RC-h5-000001")!["scene_info"]!["payer_client_ip"]!.GetValue<string>());
        Assert.StartsWith("weixin://wxpay/", await client.PrepayNativeAsync(Order("RC-native-01", 4_550), token));

        Assert.Null(await client.QueryAsync(Cooperative, "RC-never-placed", token));
        Assert.Equal(("NOTPAY", false), await StateAsync(client, "RC-h5-000001"));
        var transactionId = _weChatPay.Pay(Cooperative, "RC-h5-000001");
        var paid = (await client.QueryAsync(Cooperative, "RC-h5-000001", token))!;
        Assert.Equal((true, transactionId, 4_550L), (paid.Paid, paid.TransactionId, paid.TotalFen));
        Assert.NotNull(paid.SuccessTime);
    }

    [Fact]
    public async Task A_closed_payment_can_no_longer_be_paid_and_a_paid_one_cannot_be_closed()
    {
        var client = Client();
        var token = CancellationToken.None;
        await client.PrepayNativeAsync(Order("RC-close-0001", 100), token);
        await client.PrepayNativeAsync(Order("RC-close-0002", 100), token);

        await client.CloseAsync(Cooperative, "RC-close-0001", token);
        Assert.Equal(("CLOSED", false), await StateAsync(client, "RC-close-0001"));
        Assert.Equal("ORDER_CLOSED", (await Assert.ThrowsAsync<WeChatPayException>(() => client.PrepayNativeAsync(Order("RC-close-0001", 100), token))).Code);

        _weChatPay.Pay(Cooperative, "RC-close-0002");
        Assert.Equal("ORDERPAID", (await Assert.ThrowsAsync<WeChatPayException>(() => client.CloseAsync(Cooperative, "RC-close-0002", token))).Code);
    }

    [Fact]
    public async Task A_refund_whose_answer_is_lost_is_retried_with_the_same_number_and_the_buyer_gets_the_money_once()
    {
        var client = Client();
        var token = CancellationToken.None;
        await client.PrepayNativeAsync(Order("RC-refund-001", 13_600), token);
        _weChatPay.Pay(Cooperative, "RC-refund-001");

        _weChatPay.Then(Fault.LoseAnswer, Fault.ServerError);
        var refund = await client.RefundAsync(Cooperative, "RC-refund-001", "RF-0001", 6_800, 13_600, "香菇少发一斤", token);
        var again = await client.RefundAsync(Cooperative, "RC-refund-001", "RF-0001", 6_800, 13_600, "香菇少发一斤", token);

        Assert.Equal(("SUCCESS", 6_800L), (refund.Status, refund.RefundFen));
        Assert.Equal(refund.RefundId, again.RefundId);
        Assert.Equal(6_800L, _weChatPay.RefundedFen);
        Assert.Equal("NOT_ENOUGH", (await Assert.ThrowsAsync<WeChatPayException>(() =>
            client.RefundAsync(Cooperative, "RC-refund-001", "RF-0002", 6_801, 13_600, "多退", token))).Code);
        Assert.Equal(6_800L, _weChatPay.RefundedFen);
    }

    [Theory]
    [InlineData(Fault.SignWithUnknownKey)]
    [InlineData(Fault.TamperAnswer)]
    [InlineData(Fault.StaleAnswer)]
    public async Task An_answer_that_fails_its_signature_check_is_not_believed(Fault fault)
    {
        var client = Client();
        await client.PrepayNativeAsync(Order("RC-trust-0001", 100), CancellationToken.None);
        _weChatPay.Pay(Cooperative, "RC-trust-0001");

        _weChatPay.Then(fault);
        var refused = await Assert.ThrowsAsync<WeChatPayException>(() => client.QueryAsync(Cooperative, "RC-trust-0001", CancellationToken.None));

        Assert.Equal("ANSWER_NOT_TRUSTED", refused.Code);
    }

    [Fact]
    public async Task A_request_signed_with_another_key_is_refused_and_a_provider_that_keeps_failing_is_unreachable_after_retries()
    {
        using var stranger = RSA.Create(2048);
        var forged = Client(stranger);
        Assert.Equal("SIGN_ERROR", (await Assert.ThrowsAsync<WeChatPayException>(() =>
            forged.PrepayNativeAsync(Order("RC-forged-001", 100), CancellationToken.None))).Code);

        _weChatPay.Then(Fault.LoseAnswer, Fault.LoseAnswer, Fault.LoseAnswer, Fault.LoseAnswer);
        var seen = _weChatPay.RequestsSeen;
        Assert.Equal("UNREACHABLE", (await Assert.ThrowsAsync<WeChatPayException>(() =>
            Client().QueryAsync(Cooperative, "RC-forged-001", CancellationToken.None))).Code);
        Assert.Equal(4, _weChatPay.RequestsSeen - seen);
    }

    [Fact]
    public async Task A_payments_notification_is_believed_once_verified_and_opened_and_a_tampered_or_late_one_is_not()
    {
        var client = Client();
        await client.PrepayJsapiAsync(Order("RC-notify-001", 13_600), "oUpF8uMuAJO_M2pxb1Q9zNjWeS6o", CancellationToken.None);
        var transactionId = _weChatPay.Pay(Cooperative, "RC-notify-001");
        var reader = new WeChatPayNoticeReader(new WeChatPayPlatformKeys(_weChatPay.PlatformKeys, TimeProvider.System), _weChatPay.ApiV3Key);

        var (headers, body) = _weChatPay.PaymentNotification(Cooperative, "RC-notify-001");
        var (verdict, notice) = reader.Read(headers.GetValueOrDefault, Encoding.UTF8.GetBytes(body));

        Assert.Equal(WeChatPayVerdict.Authentic, verdict);
        Assert.Equal(("TRANSACTION.SUCCESS", Cooperative), (notice!.EventType, notice.SubMerchantId));
        Assert.Equal(("RC-notify-001", transactionId, "SUCCESS", 13_600L), (notice.Payment!.OutTradeNo, notice.Payment.TransactionId, notice.Payment.TradeState, notice.Payment.TotalFen));
        Assert.Null(notice.Refund);

        foreach (var (fault, expected) in new[] { (Fault.TamperAnswer, WeChatPayVerdict.Forged), (Fault.StaleAnswer, WeChatPayVerdict.Stale), (Fault.SignWithUnknownKey, WeChatPayVerdict.Forged) })
        {
            var (badHeaders, badBody) = _weChatPay.PaymentNotification(Cooperative, "RC-notify-001", fault);
            Assert.Equal(expected, reader.Read(badHeaders.GetValueOrDefault, Encoding.UTF8.GetBytes(badBody)).Verdict);
        }

        var wrongKey = new WeChatPayNoticeReader(new WeChatPayPlatformKeys(_weChatPay.PlatformKeys, TimeProvider.System), Encoding.ASCII.GetBytes(new string('k', 32)));
        Assert.Equal(WeChatPayVerdict.Forged, wrongKey.Read(headers.GetValueOrDefault, Encoding.UTF8.GetBytes(body)).Verdict);

        await client.RefundAsync(Cooperative, "RC-notify-001", "RF-notify-1", 4_000, 13_600, "退一部分", CancellationToken.None);
        var (refundHeaders, refundBody) = _weChatPay.RefundNotification(Cooperative, "RF-notify-1");
        var refund = reader.Read(refundHeaders.GetValueOrDefault, Encoding.UTF8.GetBytes(refundBody)).Notice!;
        Assert.Equal(("REFUND.SUCCESS", "RF-notify-1", "SUCCESS", 4_000L), (refund.EventType, refund.Refund!.OutRefundNo, refund.Refund.RefundStatus, refund.Refund.RefundFen));
    }

    private WeChatPayClient Client(RSA? key = null) => new(
        new HttpClient(_weChatPay) { BaseAddress = new Uri("https://api.mch.weixin.qq.com") },
        new WeChatPayMerchant(WeChatPaySimulator.ServiceProviderId, WeChatPaySimulator.AppId, _weChatPay.MerchantCertificateSerial, key ?? _weChatPay.MerchantKey,
            new Uri("https://ruralcommerce.example/api/orders/payments/wechatpay/notify")),
        new WeChatPayPlatformKeys(_weChatPay.PlatformKeys, TimeProvider.System),
        TimeProvider.System);

    private static WeChatPayOrder Order(string outTradeNo, long fen) =>
        new(Cooperative, outTradeNo, "雷山香菇合作社-椴木干香菇", fen, new DateTimeOffset(2026, 12, 8, 2, 30, 0, TimeSpan.Zero));

    private async Task<(string, bool)> StateAsync(WeChatPayClient client, string outTradeNo)
    {
        var transaction = (await client.QueryAsync(Cooperative, outTradeNo, CancellationToken.None))!;
        return (transaction.TradeState, transaction.Paid);
    }
}
