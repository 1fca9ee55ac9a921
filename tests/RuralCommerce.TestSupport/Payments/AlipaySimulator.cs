using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using RuralCommerce.Orders.Payments.Alipay;

namespace RuralCommerce.TestSupport.Payments;

/// <summary>
/// Alipay's open API as documented, inside the test process, for a third-party app acting for merchants by their
/// <c>app_auth_token</c>: it checks every request's RSA2 signature against the app's key (<c>isv.invalid-signature</c>),
/// opens trades when a buyer opens the signed payment page, keeps refunds by <c>out_request_no</c> (a repeated one
/// answers as the first, <c>fund_change</c> N), signs every answer and notification with Alipay's key. Faults: an
/// answer lost after the work was done, 5xx, an answer signed with an unknown key or tampered.
/// </summary>
public sealed class AlipaySimulator : HttpMessageHandler
{
    public const string AppId = "2021000000000001";
    public static readonly Uri Gateway = new("https://openapi.alipay.com/gateway.do");

    private readonly RSA _alipayKey = RSA.Create(2048);
    private readonly Dictionary<string, string> _merchantsByToken = [];
    private readonly Dictionary<(string Merchant, string OutTradeNo), JsonObject> _trades = [];
    private readonly Dictionary<string, JsonObject> _refunds = [];
    private readonly Queue<ProviderFault> _faults = new();
    private readonly Lock _gate = new();
    private int _tradeNumbers;

    public AlipaySimulator(TimeProvider clock)
    {
        Clock = clock;
        AppKey = RSA.Create(2048);
    }

    public TimeProvider Clock { get; }

    /// <summary>The platform app's key pair: the host signs with it; the simulator checks with its public half.</summary>
    public RSA AppKey { get; }

    /// <summary>Alipay's public key, as the host is configured with it.</summary>
    public RSA AlipayPublicKey
    {
        get
        {
            var key = RSA.Create();
            key.ImportSubjectPublicKeyInfo(_alipayKey.ExportSubjectPublicKeyInfo(), out _);
            return key;
        }
    }

    public long RefundedFen
    {
        get
        {
            lock (_gate)
            {
                return _refunds.Values.Sum(r => Fen(r["refund_fee"]!.GetValue<string>()));
            }
        }
    }

    public int RequestsSeen { get; private set; }

    /// <summary>A merchant (PID) authorises the platform's app: the token the platform acts with for it.</summary>
    public string Authorise(string merchantId)
    {
        var token = $"202612BB{RandomNumberGenerator.GetHexString(32, lowercase: true)}";
        lock (_gate)
        {
            _merchantsByToken[token] = merchantId;
        }

        return token;
    }

    public void Then(params ProviderFault[] faults)
    {
        lock (_gate)
        {
            foreach (var fault in faults)
            {
                _faults.Enqueue(fault);
            }
        }
    }

    /// <summary>
    /// The buyer's browser opens the signed payment page: the signature and token are checked (false when they fail)
    /// and the trade is opened, waiting for the buyer. Returns the page's parameters.
    /// </summary>
    public IReadOnlyDictionary<string, string>? OpenPayPage(Uri payUrl)
    {
        var parameters = Query(payUrl.Query);
        if (!Authentic(parameters) || !_merchantsByToken.TryGetValue(parameters.GetValueOrDefault("app_auth_token") ?? "", out var merchant))
        {
            return null;
        }

        var biz = JsonNode.Parse(parameters["biz_content"])!.AsObject();
        var outTradeNo = biz["out_trade_no"]!.GetValue<string>();
        lock (_gate)
        {
            if (!_trades.ContainsKey((merchant, outTradeNo)))
            {
                _trades[(merchant, outTradeNo)] = new JsonObject
                {
                    ["out_trade_no"] = outTradeNo,
                    ["trade_status"] = "WAIT_BUYER_PAY",
                    ["total_amount"] = biz["total_amount"]!.GetValue<string>(),
                    ["subject"] = biz["subject"]!.GetValue<string>(),
                };
            }
        }

        return parameters;
    }

    /// <summary>The buyer pays on the page: the trade succeeds (once); answers Alipay's trade number.</summary>
    public string Pay(string merchantId, string outTradeNo)
    {
        lock (_gate)
        {
            var trade = _trades[(merchantId, outTradeNo)];
            if (trade["trade_status"]!.GetValue<string>() == "WAIT_BUYER_PAY")
            {
                trade["trade_status"] = "TRADE_SUCCESS";
                trade["trade_no"] = $"2026120822001{Interlocked.Increment(ref _tradeNumbers):D15}";
                trade["send_pay_date"] = ChinaTime(Clock.GetUtcNow());
            }

            return trade["trade_no"]!.GetValue<string>();
        }
    }

    /// <summary>The asynchronous notification Alipay posts (form fields) once a trade succeeded, signed RSA2.</summary>
    public IReadOnlyDictionary<string, string> PaymentNotification(string merchantId, string outTradeNo)
    {
        JsonObject trade;
        lock (_gate)
        {
            trade = _trades[(merchantId, outTradeNo)];
        }

        var fields = new Dictionary<string, string>
        {
            ["notify_time"] = ChinaTime(Clock.GetUtcNow()),
            ["notify_type"] = "trade_status_sync",
            ["notify_id"] = RandomNumberGenerator.GetHexString(36, lowercase: true),
            ["app_id"] = AppId,
            ["auth_app_id"] = AppId,
            ["charset"] = "utf-8",
            ["version"] = "1.0",
            ["seller_id"] = merchantId,
            ["trade_no"] = trade["trade_no"]!.GetValue<string>(),
            ["out_trade_no"] = outTradeNo,
            ["trade_status"] = trade["trade_status"]!.GetValue<string>(),
            ["total_amount"] = trade["total_amount"]!.GetValue<string>(),
            ["receipt_amount"] = trade["total_amount"]!.GetValue<string>(),
            ["subject"] = trade["subject"]!.GetValue<string>(),
            ["gmt_payment"] = trade["send_pay_date"]!.GetValue<string>(),
        };
        fields["sign"] = AlipaySignature.Sign(_alipayKey, AlipaySignature.Content(fields));
        fields["sign_type"] = "RSA2";
        return fields;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ProviderFault fault;
        lock (_gate)
        {
            RequestsSeen++;
            _faults.TryDequeue(out fault);
        }

        if (fault == ProviderFault.ServerError)
        {
            return new HttpResponseMessage(HttpStatusCode.BadGateway) { Content = new StringContent("<html>502 Bad Gateway</html>") };
        }

        var parameters = Query(await request.Content!.ReadAsStringAsync(cancellationToken));
        var method = parameters.GetValueOrDefault("method") ?? "";
        var answer = !Authentic(parameters)
            ? Error("40002", "Invalid Arguments", "isv.invalid-signature", "验签出错")
            : !_merchantsByToken.TryGetValue(parameters.GetValueOrDefault("app_auth_token") ?? "", out var merchant)
                ? Error("20001", "Insufficient Token Permissions", "aop.invalid-app-auth-token", "无效的应用授权令牌")
                : Handle(method, merchant, JsonNode.Parse(parameters["biz_content"])!.AsObject());
        if (fault == ProviderFault.LoseAnswer)
        {
            throw new HttpRequestException("The connection was reset after Alipay did the work.");
        }

        var member = method.Replace('.', '_') + "_response";
        var content = answer.ToJsonString();
        var sign = AlipaySignature.Sign(fault == ProviderFault.SignWithUnknownKey ? RSA.Create(2048) : _alipayKey, content);
        if (fault == ProviderFault.TamperAnswer)
        {
            // One byte more than was signed: still JSON, no longer Alipay's.
            content = "{ " + content[1..];
        }

        return new HttpResponseMessage(HttpStatusCode.OK)
        {
            Content = new StringContent($"{{\"{member}\":{content},\"sign\":\"{sign}\"}}", Encoding.UTF8, "application/json"),
        };
    }

    private JsonObject Handle(string method, string merchant, JsonObject biz)
    {
        var outTradeNo = biz["out_trade_no"]?.GetValue<string>() ?? "";
        lock (_gate)
        {
            _trades.TryGetValue((merchant, outTradeNo), out var trade);
            var status = trade?["trade_status"]!.GetValue<string>();
            switch (method)
            {
                case "alipay.trade.query":
                    return trade is null ? NoTrade() : Success(trade.DeepClone().AsObject());
                case "alipay.trade.close":
                    if (trade is null)
                    {
                        return NoTrade();
                    }

                    if (status != "WAIT_BUYER_PAY" && status != "TRADE_CLOSED")
                    {
                        return Error("40004", "Business Failed", "ACQ.TRADE_STATUS_ERROR", "交易状态不合法");
                    }

                    trade["trade_status"] = "TRADE_CLOSED";
                    return Success(new JsonObject { ["out_trade_no"] = outTradeNo });
                case "alipay.trade.refund":
                    var requestNo = biz["out_request_no"]!.GetValue<string>();
                    if (_refunds.TryGetValue(requestNo, out var earlier))
                    {
                        var again = earlier.DeepClone().AsObject();
                        again["fund_change"] = "N";
                        return Success(again);
                    }

                    if (trade is null || status is not ("TRADE_SUCCESS" or "TRADE_FINISHED"))
                    {
                        return NoTrade();
                    }

                    var refund = Fen(biz["refund_amount"]!.GetValue<string>());
                    var refunded = _refunds.Values.Where(r => r["out_trade_no"]!.GetValue<string>() == outTradeNo).Sum(r => Fen(r["refund_fee"]!.GetValue<string>()));
                    if (refund <= 0 || refunded + refund > Fen(trade["total_amount"]!.GetValue<string>()))
                    {
                        return Error("40004", "Business Failed", "ACQ.REFUND_AMT_NOT_EQUAL_TOTAL", "退款金额超限");
                    }

                    var answer = new JsonObject
                    {
                        ["trade_no"] = trade["trade_no"]!.GetValue<string>(),
                        ["out_trade_no"] = outTradeNo,
                        ["fund_change"] = "Y",
                        ["refund_fee"] = biz["refund_amount"]!.GetValue<string>(),
                    };
                    _refunds[requestNo] = answer;
                    return Success(answer.DeepClone().AsObject());
                default:
                    return Error("40004", "Business Failed", "isv.invalid-method", "不存在的方法名");
            }
        }
    }

    private bool Authentic(Dictionary<string, string> parameters) =>
        parameters.GetValueOrDefault("app_id") == AppId && parameters.GetValueOrDefault("sign_type") == "RSA2"
        && AlipaySignature.IsSignatureOf(AppKey, parameters.GetValueOrDefault("sign"), Encoding.UTF8.GetBytes(AlipaySignature.Content(parameters.Where(p => p.Key != "sign"))));

    private static JsonObject Success(JsonObject answer)
    {
        answer["code"] = "10000";
        answer["msg"] = "Success";
        return answer;
    }

    private static JsonObject NoTrade() => Error("40004", "Business Failed", "ACQ.TRADE_NOT_EXIST", "交易不存在");

    private static JsonObject Error(string code, string msg, string subCode, string subMsg) =>
        new() { ["code"] = code, ["msg"] = msg, ["sub_code"] = subCode, ["sub_msg"] = subMsg };

    private static long Fen(string yuan) => (long)(decimal.Parse(yuan, CultureInfo.InvariantCulture) * 100m);

    private static string ChinaTime(DateTimeOffset at) => at.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    private static Dictionary<string, string> Query(string query) =>
        query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries).Select(pair => pair.Split('=', 2))
            .ToDictionary(pair => Uri.UnescapeDataString(pair[0].Replace('+', ' ')), pair => pair.Length > 1 ? Uri.UnescapeDataString(pair[1].Replace('+', ' ')) : "");
}
