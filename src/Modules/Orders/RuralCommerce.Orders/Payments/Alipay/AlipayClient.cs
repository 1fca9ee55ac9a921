using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace RuralCommerce.Orders.Payments.Alipay;

/// <summary>The platform's Alipay app (third-party app mode): its id, the key it signs with, Alipay's public key, where notices go.</summary>
internal sealed record AlipayApp(string AppId, RSA PrivateKey, RSA AlipayPublicKey, Uri Gateway, Uri NotifyUrl);

/// <summary>One payment to start: our order number, what the buyer sees, the amount, until when.</summary>
internal sealed record AlipayOrder(string OutTradeNo, string Subject, long TotalFen, DateTimeOffset ExpiresAt);

/// <summary>A trade as Alipay reports it: <c>trade_status</c> WAIT_BUYER_PAY, TRADE_CLOSED, TRADE_SUCCESS or TRADE_FINISHED.</summary>
internal sealed record AlipayTrade(string OutTradeNo, string? TradeNo, string TradeStatus, long? TotalFen)
{
    public bool Paid => TradeStatus is "TRADE_SUCCESS" or "TRADE_FINISHED";
}

/// <summary>A refund as Alipay reports it; <see cref="FundChanged"/> is false when this request number had already refunded.</summary>
internal sealed record AlipayRefund(string OutTradeNo, string OutRequestNo, bool FundChanged, long RefundFen);

/// <summary>Alipay refused a request (its <c>sub_code</c>, else <c>code</c>), or could not be reached or trusted.</summary>
internal sealed class AlipayException(string code, string message, Exception? inner = null) : Exception(message, inner)
{
    public string Code { get; } = code;
}

/// <summary>
/// Alipay's open API for a third-party app acting for each cooperative (its <c>app_auth_token</c>): the pages where a
/// buyer pays (<c>alipay.trade.wap.pay</c> on a phone, <c>alipay.trade.page.pay</c> on a computer), and query, close
/// and refund. Requests are signed RSA2; every answer's signature is checked before it is believed. Retries keep
/// <c>out_trade_no</c> and <c>out_request_no</c>, which Alipay keeps idempotent.
/// </summary>
internal sealed class AlipayClient(HttpClient http, AlipayApp app, TimeProvider clock)
{
    /// <summary>The signed address of Alipay's payment page for a phone's browser; it comes back to <paramref name="returnUrl"/>.</summary>
    public Uri WapPayUrl(string appAuthToken, AlipayOrder order, Uri returnUrl) =>
        PageUrl("alipay.trade.wap.pay", appAuthToken, order, "QUICK_WAP_WAY", returnUrl);

    /// <summary>The signed address of Alipay's payment page for a computer (a QR code to scan, or sign in).</summary>
    public Uri PagePayUrl(string appAuthToken, AlipayOrder order, Uri returnUrl) =>
        PageUrl("alipay.trade.page.pay", appAuthToken, order, "FAST_INSTANT_TRADE_PAY", returnUrl);

    /// <summary>What Alipay knows of a trade; null when there is none (<c>ACQ.TRADE_NOT_EXIST</c>: the buyer never opened the page).</summary>
    public async Task<AlipayTrade?> QueryAsync(string appAuthToken, string outTradeNo, CancellationToken cancellationToken)
    {
        try
        {
            var answer = await CallAsync("alipay.trade.query", appAuthToken, new { out_trade_no = outTradeNo }, cancellationToken);
            return new AlipayTrade(outTradeNo, Text(answer, "trade_no"), Text(answer, "trade_status") ?? "", Fen(Text(answer, "total_amount")));
        }
        catch (AlipayException refused) when (refused.Code == "ACQ.TRADE_NOT_EXIST")
        {
            return null;
        }
    }

    /// <summary>Closes an unpaid trade; a trade Alipay never opened needs no closing.</summary>
    public async Task CloseAsync(string appAuthToken, string outTradeNo, CancellationToken cancellationToken)
    {
        try
        {
            await CallAsync("alipay.trade.close", appAuthToken, new { out_trade_no = outTradeNo }, cancellationToken);
        }
        catch (AlipayException refused) when (refused.Code == "ACQ.TRADE_NOT_EXIST")
        {
        }
    }

    /// <summary>Returns <paramref name="refundFen"/> of a paid trade; the same <paramref name="outRequestNo"/> refunds once.</summary>
    public async Task<AlipayRefund> RefundAsync(
        string appAuthToken, string outTradeNo, string outRequestNo, long refundFen, string reason, CancellationToken cancellationToken)
    {
        var answer = await CallAsync("alipay.trade.refund", appAuthToken,
            new { out_trade_no = outTradeNo, out_request_no = outRequestNo, refund_amount = Yuan(refundFen), refund_reason = reason }, cancellationToken);
        return new AlipayRefund(outTradeNo, outRequestNo, Text(answer, "fund_change") == "Y", Fen(Text(answer, "refund_fee")) ?? refundFen);
    }

    private Uri PageUrl(string method, string appAuthToken, AlipayOrder order, string productCode, Uri returnUrl)
    {
        var parameters = Common(method, appAuthToken, new
        {
            out_trade_no = order.OutTradeNo,
            total_amount = Yuan(order.TotalFen),
            subject = order.Subject,
            product_code = productCode,
            time_expire = ChinaTime(order.ExpiresAt),
        });
        parameters["return_url"] = returnUrl.ToString();
        parameters["notify_url"] = app.NotifyUrl.ToString();
        parameters["sign"] = AlipaySignature.Sign(app.PrivateKey, AlipaySignature.Content(parameters));
        return new Uri($"{app.Gateway}?{string.Join('&', parameters.Select(p => $"{Uri.EscapeDataString(p.Key)}={Uri.EscapeDataString(p.Value)}"))}");
    }

    private Dictionary<string, string> Common(string method, string appAuthToken, object bizContent) => new()
    {
        ["app_id"] = app.AppId,
        ["method"] = method,
        ["format"] = "JSON",
        ["charset"] = "utf-8",
        ["sign_type"] = "RSA2",
        ["timestamp"] = ChinaTime(clock.GetUtcNow()),
        ["version"] = "1.0",
        ["app_auth_token"] = appAuthToken,
        ["biz_content"] = JsonSerializer.Serialize(bizContent, ProviderJson.SnakeCase),
    };

    private async Task<JsonElement> CallAsync(string method, string appAuthToken, object bizContent, CancellationToken cancellationToken)
    {
        var parameters = Common(method, appAuthToken, bizContent);
        parameters["sign"] = AlipaySignature.Sign(app.PrivateKey, AlipaySignature.Content(parameters));
        HttpResponseMessage response;
        try
        {
            response = await ProviderRetry.SendAsync(
                http, () => new HttpRequestMessage(HttpMethod.Post, app.Gateway) { Content = new FormUrlEncodedContent(parameters) }, "Alipay", cancellationToken);
        }
        catch (Exception failure) when (failure is HttpRequestException or TimeoutException)
        {
            throw new AlipayException("UNREACHABLE", "Alipay could not be reached.", failure);
        }

        using (response)
        {
            var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken);
            var (content, sign) = AlipaySignature.SignedPart(bytes, method.Replace('.', '_') + "_response");
            if (content is null || !AlipaySignature.IsSignatureOf(app.AlipayPublicKey, sign, content))
            {
                throw new AlipayException("ANSWER_NOT_TRUSTED", $"Alipay's answer to {method} ({(int)response.StatusCode}) failed its signature check.");
            }

            var answer = JsonDocument.Parse(content).RootElement.Clone();
            if (Text(answer, "code") != "10000")
            {
                throw new AlipayException(Text(answer, "sub_code") ?? Text(answer, "code") ?? "UNKNOWN", Text(answer, "sub_msg") ?? Text(answer, "msg") ?? "Alipay refused the request.");
            }

            return answer;
        }
    }

    private static string? Text(JsonElement answer, string name) =>
        answer.ValueKind == JsonValueKind.Object && answer.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static string Yuan(long fen) => (fen / 100m).ToString("0.00", CultureInfo.InvariantCulture);

    private static long? Fen(string? yuan) =>
        decimal.TryParse(yuan, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount) ? (long)decimal.Round(amount * 100m, 0, MidpointRounding.AwayFromZero) : null;

    private static string ChinaTime(DateTimeOffset at) => at.ToOffset(SharedKernel.ChinaTime.Offset).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
}
