using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using RuralCommerce.Orders.Payments.WeChatPay;

namespace RuralCommerce.TestSupport.Payments;

/// <summary>
/// WeChat Pay API v3's partner payments as documented, inside the test process: it checks every request's
/// <c>WECHATPAY2-SHA256-RSA2048</c> signature against the merchant's key (401 <c>SIGN_ERROR</c>), keeps payments by
/// sub-merchant and <c>out_trade_no</c> and refunds by <c>out_refund_no</c> (a repeated one answers as the first), and
/// signs every answer with its platform key. Faults a test can ask for: an answer lost after the work was done, 5xx,
/// an answer signed with an unknown key, tampered, or stamped outside the five-minute window.
/// </summary>
public sealed partial class WeChatPaySimulator : HttpMessageHandler
{
    public const string PlatformKeyId = "PUB_KEY_ID_0114232134912410000000000000";
    public const string ServiceProviderId = "1900000001";
    public const string AppId = "wxd678efh567hg6787";

    private readonly RSA _platformKey = RSA.Create(2048);
    private readonly ConcurrentDictionary<(string SubMchid, string OutTradeNo), Payment> _payments = new();
    private readonly ConcurrentDictionary<string, JsonObject> _refunds = new();
    private readonly ConcurrentQueue<ProviderFault> _faults = new();
    private readonly Lock _gate = new();
    private int _transactions;

    public WeChatPaySimulator(TimeProvider clock)
    {
        Clock = clock;
        MerchantKey = RSA.Create(2048);
        ApiV3Key = Encoding.ASCII.GetBytes(RandomNumberGenerator.GetString("abcdefghijklmnopqrstuvwxyz0123456789", 32));
    }

    public TimeProvider Clock { get; }

    /// <summary>The merchant's key pair: the host signs with it, and the simulator checks with its public half.</summary>
    public RSA MerchantKey { get; }

    public string MerchantCertificateSerial { get; } = "3775B6A45ACD588826D15E583A95F5DD4D3A1E7B";

    public byte[] ApiV3Key { get; }

    /// <summary>Money that actually moved back to buyers, in fen, by refund: a retried refund must not add to it.</summary>
    public long RefundedFen => _refunds.Values.Sum(r => r["amount"]!["refund"]!.GetValue<long>());

    public int RequestsSeen { get; private set; }

    /// <summary>The platform's public key, as the host is configured with it (the id is what <c>Wechatpay-Serial</c> names).</summary>
    public IReadOnlyDictionary<string, RSA> PlatformKeys
    {
        get
        {
            var publicKey = RSA.Create();
            publicKey.ImportSubjectPublicKeyInfo(_platformKey.ExportSubjectPublicKeyInfo(), out _);
            return new Dictionary<string, RSA> { [PlatformKeyId] = publicKey };
        }
    }

    public void Then(params ProviderFault[] faults)
    {
        foreach (var fault in faults)
        {
            _faults.Enqueue(fault);
        }
    }

    /// <summary>The last request body received for a payment, as WeChat Pay read it.</summary>
    public JsonObject? PrepayRequest(string subMchid, string outTradeNo) => _payments.TryGetValue((subMchid, outTradeNo), out var p) ? p.Request : null;

    /// <summary>The buyer pays in WeChat: the payment succeeds (once) and its transaction id is answered.</summary>
    public string Pay(string subMchid, string outTradeNo)
    {
        lock (_gate)
        {
            var payment = _payments[(subMchid, outTradeNo)];
            if (payment.State == "NOTPAY")
            {
                payment.State = "SUCCESS";
                payment.TransactionId = $"42000{Interlocked.Increment(ref _transactions):D23}";
                payment.SuccessTime = Clock.GetUtcNow();
            }

            return payment.TransactionId!;
        }
    }

    /// <summary>
    /// The notification WeChat Pay posts to the notify URL once a payment succeeded: its <c>Wechatpay-*</c> headers and
    /// body, the transaction sealed with AEAD_AES_256_GCM under the API v3 key. <paramref name="fault"/> may tamper with
    /// it, sign it with an unknown key, or stamp it outside the window.
    /// </summary>
    public (IReadOnlyDictionary<string, string> Headers, string Body) PaymentNotification(string subMchid, string outTradeNo, ProviderFault fault = ProviderFault.None)
    {
        var payment = _payments[(subMchid, outTradeNo)].ToJson();
        payment["sp_appid"] = AppId;
        payment["trade_type"] = "JSAPI";
        return Notification("TRANSACTION.SUCCESS", "支付成功", "transaction", payment, fault);
    }

    /// <summary>The notification of a refund's outcome (<c>REFUND.SUCCESS</c>).</summary>
    public (IReadOnlyDictionary<string, string> Headers, string Body) RefundNotification(string subMchid, string outRefundNo)
    {
        var refund = _refunds[outRefundNo].DeepClone().AsObject();
        refund["sp_mchid"] = ServiceProviderId;
        refund["sub_mchid"] = subMchid;
        refund["refund_status"] = refund["status"]!.GetValue<string>();
        return Notification("REFUND.SUCCESS", "退款成功", "refund", refund, ProviderFault.None);
    }

    private (IReadOnlyDictionary<string, string>, string) Notification(string eventType, string summary, string originalType, JsonObject resource, ProviderFault fault)
    {
        var nonce = RandomNumberGenerator.GetString("abcdefghijklmnopqrstuvwxyz0123456789", 12);
        var plaintext = Encoding.UTF8.GetBytes(resource.ToJsonString());
        var sealedBytes = new byte[plaintext.Length + 16];
        using (var aes = new AesGcm(ApiV3Key, 16))
        {
            aes.Encrypt(Encoding.UTF8.GetBytes(nonce), plaintext, sealedBytes.AsSpan(0, plaintext.Length), sealedBytes.AsSpan(plaintext.Length), Encoding.UTF8.GetBytes(originalType));
        }

        var body = new JsonObject
        {
            ["id"] = Guid.NewGuid().ToString(),
            ["create_time"] = Clock.GetUtcNow().ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture),
            ["resource_type"] = "encrypt-resource",
            ["event_type"] = eventType,
            ["summary"] = summary,
            ["resource"] = new JsonObject
            {
                ["original_type"] = originalType,
                ["algorithm"] = "AEAD_AES_256_GCM",
                ["ciphertext"] = Convert.ToBase64String(sealedBytes),
                ["associated_data"] = originalType,
                ["nonce"] = nonce,
            },
        }.ToJsonString();
        var timestamp = (Clock.GetUtcNow().ToUnixTimeSeconds() - (fault == ProviderFault.StaleAnswer ? 600 : 0)).ToString(CultureInfo.InvariantCulture);
        var signatureNonce = WeChatPaySignature.Nonce();
        var signature = WeChatPaySignature.Sign(fault == ProviderFault.SignWithUnknownKey ? RSA.Create(2048) : _platformKey, timestamp, signatureNonce, body);
        if (fault == ProviderFault.TamperAnswer)
        {
            // One byte more than was signed: still JSON, no longer WeChat Pay's.
            body += " ";
        }

        return (new Dictionary<string, string>
        {
            ["Wechatpay-Serial"] = PlatformKeyId,
            ["Wechatpay-Timestamp"] = timestamp,
            ["Wechatpay-Nonce"] = signatureNonce,
            ["Wechatpay-Signature"] = signature,
        }, body);
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        RequestsSeen++;
        var body = request.Content is null ? "" : await request.Content.ReadAsStringAsync(cancellationToken);
        _faults.TryDequeue(out var fault);
        if (fault == ProviderFault.ServerError)
        {
            return Answer(HttpStatusCode.InternalServerError, Error("SYSTEM_ERROR", "系统错误"), fault: null);
        }

        var path = request.RequestUri!.PathAndQuery;
        (HttpStatusCode Status, JsonObject? Body) answer = Authentic(request, path, body)
            ? Handle(request.Method, request.RequestUri.AbsolutePath, HttpUtility(request.RequestUri.Query), body)
            : (HttpStatusCode.Unauthorized, Error("SIGN_ERROR", "签名错误"));
        if (fault == ProviderFault.LoseAnswer)
        {
            throw new HttpRequestException("The connection was reset after WeChat Pay did the work.");
        }

        return Answer(answer.Status, answer.Body, fault);
    }

    private (HttpStatusCode Status, JsonObject? Body) Handle(HttpMethod method, string path, Dictionary<string, string> query, string body)
    {
        var json = body.Length == 0 ? null : JsonNode.Parse(body)!.AsObject();
        if (method == HttpMethod.Post && PrepayPath().Match(path) is { Success: true } prepay)
        {
            return Prepay(prepay.Groups["kind"].Value, json!);
        }

        if (method == HttpMethod.Get && QueryPath().Match(path) is { Success: true } queried)
        {
            if (query.GetValueOrDefault("sp_mchid") != ServiceProviderId)
            {
                return (HttpStatusCode.BadRequest, Error("PARAM_ERROR", "sp_mchid 不正确"));
            }

            return _payments.TryGetValue((query.GetValueOrDefault("sub_mchid") ?? "", Uri.UnescapeDataString(queried.Groups["no"].Value)), out var payment)
                ? (HttpStatusCode.OK, payment.ToJson())
                : (HttpStatusCode.NotFound, Error("ORDER_NOT_EXIST", "订单不存在"));
        }

        if (method == HttpMethod.Post && ClosePath().Match(path) is { Success: true } closed)
        {
            lock (_gate)
            {
                if (!_payments.TryGetValue((json!["sub_mchid"]!.GetValue<string>(), Uri.UnescapeDataString(closed.Groups["no"].Value)), out var payment))
                {
                    return (HttpStatusCode.NotFound, Error("ORDER_NOT_EXIST", "订单不存在"));
                }

                if (payment.State is "SUCCESS" or "REFUND")
                {
                    return (HttpStatusCode.BadRequest, Error("ORDERPAID", "订单已支付"));
                }

                payment.State = "CLOSED";
                return (HttpStatusCode.NoContent, null);
            }
        }

        if (method == HttpMethod.Post && path == "/v3/refund/domestic/refunds")
        {
            return Refund(json!);
        }

        return (HttpStatusCode.NotFound, Error("NOT_FOUND", "无此接口"));
    }

    private (HttpStatusCode, JsonObject?) Prepay(string kind, JsonObject json)
    {
        if (json["sp_mchid"]?.GetValue<string>() != ServiceProviderId || json["sp_appid"]?.GetValue<string>() != AppId)
        {
            return (HttpStatusCode.BadRequest, Error("PARAM_ERROR", "服务商商户号或 AppID 不正确"));
        }

        var outTradeNo = json["out_trade_no"]!.GetValue<string>();
        if (!OutTradeNo().IsMatch(outTradeNo))
        {
            return (HttpStatusCode.BadRequest, Error("PARAM_ERROR", "out_trade_no 格式不正确"));
        }

        var key = (json["sub_mchid"]!.GetValue<string>(), outTradeNo);
        var total = json["amount"]!["total"]!.GetValue<long>();
        lock (_gate)
        {
            var payment = _payments.GetOrAdd(key, _ => new Payment(key.Item1, outTradeNo, total, json));
            if (payment.Total != total)
            {
                return (HttpStatusCode.BadRequest, Error("INVALID_REQUEST", "商户订单号重复，且金额不一致"));
            }

            if (payment.State is "SUCCESS" or "REFUND")
            {
                return (HttpStatusCode.BadRequest, Error("ORDERPAID", "该订单已支付"));
            }

            if (payment.State == "CLOSED")
            {
                return (HttpStatusCode.BadRequest, Error("ORDER_CLOSED", "订单已关闭"));
            }

            payment.Request = json;
            return (HttpStatusCode.OK, kind switch
            {
                "jsapi" => new JsonObject { ["prepay_id"] = payment.PrepayId },
                "h5" => new JsonObject { ["h5_url"] = $"https://wx.tenpay.com/cgi-bin/mmpayweb-bin/checkmweb?prepay_id={payment.PrepayId}&package=2150917749" },
                _ => new JsonObject { ["code_url"] = $"weixin://wxpay/bizpayurl/up?pr={payment.PrepayId[^10..]}&groupid=00" },
            });
        }
    }

    private (HttpStatusCode, JsonObject?) Refund(JsonObject json)
    {
        var outRefundNo = json["out_refund_no"]!.GetValue<string>();
        lock (_gate)
        {
            if (_refunds.TryGetValue(outRefundNo, out var earlier))
            {
                return (HttpStatusCode.OK, earlier.DeepClone().AsObject());
            }

            var key = (json["sub_mchid"]!.GetValue<string>(), json["out_trade_no"]!.GetValue<string>());
            if (!_payments.TryGetValue(key, out var payment) || payment.State is not ("SUCCESS" or "REFUND"))
            {
                return (HttpStatusCode.NotFound, Error("RESOURCE_NOT_EXISTS", "订单不存在或未支付"));
            }

            var refund = json["amount"]!["refund"]!.GetValue<long>();
            var alreadyRefunded = _refunds.Values.Where(r => r["out_trade_no"]!.GetValue<string>() == key.Item2).Sum(r => r["amount"]!["refund"]!.GetValue<long>());
            if (json["amount"]!["total"]!.GetValue<long>() != payment.Total || refund <= 0 || alreadyRefunded + refund > payment.Total)
            {
                return (HttpStatusCode.Forbidden, Error("NOT_ENOUGH", "可退金额不足"));
            }

            payment.State = "REFUND";
            var answer = new JsonObject
            {
                ["refund_id"] = $"50300{_refunds.Count + 1:D27}",
                ["out_refund_no"] = outRefundNo,
                ["transaction_id"] = payment.TransactionId,
                ["out_trade_no"] = key.Item2,
                ["status"] = "SUCCESS",
                ["amount"] = new JsonObject { ["refund"] = refund, ["total"] = payment.Total, ["currency"] = "CNY" },
            };
            _refunds[outRefundNo] = answer;
            return (HttpStatusCode.OK, answer.DeepClone().AsObject());
        }
    }

    private bool Authentic(HttpRequestMessage request, string pathAndQuery, string body)
    {
        var header = request.Headers.TryGetValues("Authorization", out var values) ? values.First() : "";
        var match = AuthorizationHeader().Match(header);
        if (!match.Success || match.Groups["mchid"].Value != ServiceProviderId || match.Groups["serial"].Value != MerchantCertificateSerial)
        {
            return false;
        }

        var timestamp = long.Parse(match.Groups["timestamp"].Value, CultureInfo.InvariantCulture);
        if (Math.Abs(Clock.GetUtcNow().ToUnixTimeSeconds() - timestamp) >= 300)
        {
            return false;
        }

        var message = Encoding.UTF8.GetBytes($"{request.Method.Method}\n{pathAndQuery}\n{timestamp}\n{match.Groups["nonce"].Value}\n{body}\n");
        return MerchantKey.VerifyData(message, Convert.FromBase64String(match.Groups["signature"].Value), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
    }

    private HttpResponseMessage Answer(HttpStatusCode status, JsonObject? body, ProviderFault? fault)
    {
        var text = body?.ToJsonString() ?? "";
        var timestamp = Clock.GetUtcNow().ToUnixTimeSeconds() - (fault == ProviderFault.StaleAnswer ? 600 : 0);
        var nonce = WeChatPaySignature.Nonce();
        var signature = WeChatPaySignature.Sign(fault == ProviderFault.SignWithUnknownKey ? RSA.Create(2048) : _platformKey,
            timestamp.ToString(CultureInfo.InvariantCulture), nonce, text);
        if (fault == ProviderFault.TamperAnswer)
        {
            text = text.Replace("SUCCESS", "NOTPAY", StringComparison.Ordinal) + " ";
        }

        var response = new HttpResponseMessage(status) { Content = new StringContent(text, Encoding.UTF8, "application/json") };
        response.Headers.Add("Wechatpay-Serial", PlatformKeyId);
        response.Headers.Add("Wechatpay-Timestamp", timestamp.ToString(CultureInfo.InvariantCulture));
        response.Headers.Add("Wechatpay-Nonce", nonce);
        response.Headers.Add("Wechatpay-Signature", signature);
        response.Headers.Add("Request-ID", Guid.NewGuid().ToString("N"));
        return response;
    }

    private static JsonObject Error(string code, string message) => new() { ["code"] = code, ["message"] = message };

    private static Dictionary<string, string> HttpUtility(string query) =>
        query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries).Select(pair => pair.Split('=', 2))
            .ToDictionary(pair => Uri.UnescapeDataString(pair[0]), pair => pair.Length > 1 ? Uri.UnescapeDataString(pair[1]) : "");

    [GeneratedRegex("^/v3/pay/partner/transactions/(?<kind>jsapi|h5|native)$")]
    private static partial Regex PrepayPath();

    [GeneratedRegex("^/v3/pay/partner/transactions/out-trade-no/(?<no>[^/]+)$")]
    private static partial Regex QueryPath();

    [GeneratedRegex("^/v3/pay/partner/transactions/out-trade-no/(?<no>[^/]+)/close$")]
    private static partial Regex ClosePath();

    [GeneratedRegex("^[0-9A-Za-z_\\-|*]{6,32}$")]
    private static partial Regex OutTradeNo();

    [GeneratedRegex("^WECHATPAY2-SHA256-RSA2048 mchid=\"(?<mchid>[^\"]*)\",nonce_str=\"(?<nonce>[^\"]*)\",timestamp=\"(?<timestamp>\\d+)\",serial_no=\"(?<serial>[^\"]*)\",signature=\"(?<signature>[^\"]*)\"$")]
    private static partial Regex AuthorizationHeader();

    private sealed class Payment(string subMchid, string outTradeNo, long total, JsonObject request)
    {
        public long Total { get; } = total;

        public string PrepayId { get; } = $"wx{DateTime.UtcNow:ddHHmmss}{Guid.NewGuid():N}"[..36];

        public string State { get; set; } = "NOTPAY";

        public string? TransactionId { get; set; }

        public DateTimeOffset? SuccessTime { get; set; }

        public JsonObject Request { get; set; } = request;

        public JsonObject ToJson() => new()
        {
            ["sp_mchid"] = ServiceProviderId,
            ["sub_mchid"] = subMchid,
            ["out_trade_no"] = outTradeNo,
            ["transaction_id"] = TransactionId,
            ["trade_state"] = State,
            ["trade_state_desc"] = State,
            ["success_time"] = SuccessTime?.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture),
            ["amount"] = new JsonObject { ["total"] = Total, ["payer_total"] = State == "NOTPAY" ? null : Total, ["currency"] = "CNY" },
        };
    }
}
