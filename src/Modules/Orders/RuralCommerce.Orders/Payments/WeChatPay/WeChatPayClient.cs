using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace RuralCommerce.Orders.Payments.WeChatPay;

/// <summary>The platform as WeChat Pay's service provider: its merchant id and app, the key it signs with, where notices go.</summary>
internal sealed record WeChatPayMerchant(string MerchantId, string AppId, string CertificateSerial, RSA PrivateKey, Uri NotifyUrl);

/// <summary>A payment as WeChat Pay reports it: <c>trade_state</c> SUCCESS, REFUND, NOTPAY, CLOSED, REVOKED, USERPAYING or PAYERROR.</summary>
internal sealed record WeChatPayTransaction(string OutTradeNo, string? TransactionId, string TradeState, long? TotalFen, DateTimeOffset? SuccessTime)
{
    public bool Paid => TradeState is "SUCCESS" or "REFUND";
}

/// <summary>A refund as WeChat Pay reports it: <c>status</c> SUCCESS, CLOSED, PROCESSING or ABNORMAL.</summary>
internal sealed record WeChatPayRefund(string OutRefundNo, string RefundId, string Status, long RefundFen);

/// <summary>WeChat Pay refused a request (its <c>code</c> and <c>message</c>), or could not be reached or trusted.</summary>
internal sealed class WeChatPayException(string code, string message, Exception? inner = null) : Exception(message, inner)
{
    public string Code { get; } = code;
}

/// <summary>
/// WeChat Pay API v3's partner payments (the platform as service provider, each cooperative a sub-merchant) over plain
/// HTTP: place a JSAPI, H5 or Native payment, query it, close it, refund it. Every request is signed; every answer's
/// signature is checked before it is believed. Timeouts, 5xx and 429 are retried with the same <c>out_trade_no</c> or
/// <c>out_refund_no</c>, which WeChat Pay keeps idempotent, so a retry never charges or refunds twice.
/// </summary>
internal sealed class WeChatPayClient(HttpClient http, WeChatPayMerchant merchant, WeChatPayPlatformKeys platform, TimeProvider clock)
{
    /// <summary>Starts a payment inside WeChat: the <c>prepay_id</c> the buyer's WeChat is invoked with.</summary>
    public async Task<string> PrepayJsapiAsync(WeChatPayOrder order, string payerOpenId, CancellationToken cancellationToken) =>
        (await SendAsync<PrepayAnswer>(HttpMethod.Post, "/v3/pay/partner/transactions/jsapi",
            Prepay(order) with { Payer = new Payer(payerOpenId) }, cancellationToken))!.PrepayId
        ?? throw new WeChatPayException("ANSWER_INCOMPLETE", "WeChat Pay answered a JSAPI payment without a prepay_id.");

    /// <summary>Starts a payment in a phone's browser: the <c>h5_url</c> that opens WeChat to pay.</summary>
    public async Task<string> PrepayH5Async(WeChatPayOrder order, string payerIp, CancellationToken cancellationToken) =>
        (await SendAsync<PrepayAnswer>(HttpMethod.Post, "/v3/pay/partner/transactions/h5",
            Prepay(order) with { SceneInfo = new SceneInfo(payerIp, new H5Info("Wap")) }, cancellationToken))!.H5Url
        ?? throw new WeChatPayException("ANSWER_INCOMPLETE", "WeChat Pay answered an H5 payment without an h5_url.");

    /// <summary>Starts a payment on a computer: the <c>code_url</c> to show as a QR code for WeChat to scan.</summary>
    public async Task<string> PrepayNativeAsync(WeChatPayOrder order, CancellationToken cancellationToken) =>
        (await SendAsync<PrepayAnswer>(HttpMethod.Post, "/v3/pay/partner/transactions/native", Prepay(order), cancellationToken))!.CodeUrl
        ?? throw new WeChatPayException("ANSWER_INCOMPLETE", "WeChat Pay answered a Native payment without a code_url.");

    /// <summary>What WeChat Pay knows of a payment; null when it never heard of it (<c>ORDER_NOT_EXIST</c>).</summary>
    public async Task<WeChatPayTransaction?> QueryAsync(string subMerchantId, string outTradeNo, CancellationToken cancellationToken)
    {
        var path = $"/v3/pay/partner/transactions/out-trade-no/{Uri.EscapeDataString(outTradeNo)}?sp_mchid={merchant.MerchantId}&sub_mchid={Uri.EscapeDataString(subMerchantId)}";
        try
        {
            var answer = await SendAsync<TransactionAnswer>(HttpMethod.Get, path, null, cancellationToken);
            return new WeChatPayTransaction(answer!.OutTradeNo, answer.TransactionId, answer.TradeState, answer.Amount?.Total, answer.SuccessTime);
        }
        catch (WeChatPayException refused) when (refused.Code == "ORDER_NOT_EXIST")
        {
            return null;
        }
    }

    /// <summary>Closes an unpaid payment, so the buyer can no longer pay it (closing a closed one is harmless).</summary>
    public Task CloseAsync(string subMerchantId, string outTradeNo, CancellationToken cancellationToken) =>
        SendAsync<object>(HttpMethod.Post, $"/v3/pay/partner/transactions/out-trade-no/{Uri.EscapeDataString(outTradeNo)}/close",
            new CloseRequest(merchant.MerchantId, subMerchantId), cancellationToken);

    /// <summary>Returns <paramref name="refundFen"/> of a payment of <paramref name="totalFen"/>; the same <paramref name="outRefundNo"/> refunds once.</summary>
    public async Task<WeChatPayRefund> RefundAsync(
        string subMerchantId, string outTradeNo, string outRefundNo, long refundFen, long totalFen, string reason, CancellationToken cancellationToken)
    {
        var answer = await SendAsync<RefundAnswer>(HttpMethod.Post, "/v3/refund/domestic/refunds",
            new RefundRequest(subMerchantId, outTradeNo, outRefundNo, reason, merchant.NotifyUrl.ToString(), new RefundAmount(refundFen, totalFen, "CNY")),
            cancellationToken);
        return new WeChatPayRefund(answer!.OutRefundNo, answer.RefundId, answer.Status, answer.Amount?.Refund ?? refundFen);
    }

    /// <summary>The parameters the buyer's WeChat is invoked with (<c>WeixinJSBridge.invoke('getBrandWCPayRequest', …)</c>), signed.</summary>
    public JsapiInvocation Invocation(string prepayId)
    {
        var timeStamp = clock.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var nonce = WeChatPaySignature.Nonce();
        var package = $"prepay_id={prepayId}";
        return new JsapiInvocation(merchant.AppId, timeStamp, nonce, package, "RSA", WeChatPaySignature.Sign(merchant.PrivateKey, merchant.AppId, timeStamp, nonce, package));
    }

    private PrepayRequest Prepay(WeChatPayOrder order) => new(
        merchant.AppId, merchant.MerchantId, order.SubMerchantId, order.Description, order.OutTradeNo,
        order.ExpiresAt.ToOffset(SharedKernel.ChinaTime.Offset).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture),
        merchant.NotifyUrl.ToString(), new Amount(order.TotalFen, "CNY"));

    private async Task<T?> SendAsync<T>(HttpMethod method, string pathAndQuery, object? body, CancellationToken cancellationToken)
    {
        var json = body is null ? "" : JsonSerializer.Serialize(body, body.GetType(), ProviderJson.SnakeCase);
        HttpResponseMessage response;
        try
        {
            response = await ProviderRetry.SendAsync(http, () =>
            {
                var request = new HttpRequestMessage(method, pathAndQuery);
                if (body is not null)
                {
                    request.Content = new StringContent(json, Encoding.UTF8, "application/json");
                }

                request.Headers.Accept.ParseAdd("application/json");
                request.Headers.UserAgent.ParseAdd("RuralCommerce/1.0");
                request.Headers.TryAddWithoutValidation("Authorization", WeChatPaySignature.Authorization(
                    merchant.PrivateKey, merchant.MerchantId, merchant.CertificateSerial, method.Method, pathAndQuery, json,
                    clock.GetUtcNow().ToUnixTimeSeconds(), WeChatPaySignature.Nonce()));
                return request;
            }, "WeChat Pay", cancellationToken);
        }
        catch (Exception failure) when (failure is HttpRequestException or TimeoutException)
        {
            throw new WeChatPayException("UNREACHABLE", "WeChat Pay could not be reached.", failure);
        }

        using (response)
        {
            var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken);
            var verdict = platform.Verify(
                Header(response, "Wechatpay-Serial"), Header(response, "Wechatpay-Timestamp"), Header(response, "Wechatpay-Nonce"),
                Header(response, "Wechatpay-Signature"), bytes);
            if (verdict != WeChatPayVerdict.Authentic)
            {
                throw new WeChatPayException("ANSWER_NOT_TRUSTED", $"WeChat Pay's answer ({(int)response.StatusCode}) failed its signature check: {verdict}.");
            }

            if (!response.IsSuccessStatusCode)
            {
                var error = bytes.Length == 0 ? null : JsonSerializer.Deserialize<ErrorAnswer>(bytes, ProviderJson.SnakeCase);
                throw new WeChatPayException(error?.Code ?? $"HTTP_{(int)response.StatusCode}", error?.Message ?? "WeChat Pay refused the request.");
            }

            return bytes.Length == 0 ? default : JsonSerializer.Deserialize<T>(bytes, ProviderJson.SnakeCase);
        }
    }

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;

    private sealed record Amount(long Total, string Currency);

    private sealed record Payer(string SpOpenid);

    private sealed record H5Info(string Type);

    private sealed record SceneInfo(string PayerClientIp, H5Info? H5Info);

    private sealed record PrepayRequest(
        string SpAppid, string SpMchid, string SubMchid, string Description, string OutTradeNo, string TimeExpire, string NotifyUrl, Amount Amount,
        Payer? Payer = null, SceneInfo? SceneInfo = null);

    private sealed record PrepayAnswer(string? PrepayId, string? H5Url, string? CodeUrl);

    private sealed record TransactionAmount(long? Total);

    private sealed record TransactionAnswer(string OutTradeNo, string? TransactionId, string TradeState, TransactionAmount? Amount, DateTimeOffset? SuccessTime);

    private sealed record CloseRequest(string SpMchid, string SubMchid);

    private sealed record RefundAmount(long Refund, long Total, string Currency);

    private sealed record RefundRequest(string SubMchid, string OutTradeNo, string OutRefundNo, string Reason, string NotifyUrl, RefundAmount Amount);

    private sealed record RefundAnswer(string OutRefundNo, string RefundId, string Status, RefundAmount? Amount);

    private sealed record ErrorAnswer(string? Code, string? Message);
}

/// <summary>One payment to start: the cooperative's sub-merchant id, our order number, what the buyer sees, the amount, until when.</summary>
internal sealed record WeChatPayOrder(string SubMerchantId, string OutTradeNo, string Description, long TotalFen, DateTimeOffset ExpiresAt);

/// <summary>The arguments of <c>getBrandWCPayRequest</c>, named as WeChat's JavaScript bridge expects them.</summary>
internal sealed record JsapiInvocation(
    [property: JsonPropertyName("appId")] string AppId,
    [property: JsonPropertyName("timeStamp")] string TimeStamp,
    [property: JsonPropertyName("nonceStr")] string NonceStr,
    [property: JsonPropertyName("package")] string Package,
    [property: JsonPropertyName("signType")] string SignType,
    [property: JsonPropertyName("paySign")] string PaySign);
