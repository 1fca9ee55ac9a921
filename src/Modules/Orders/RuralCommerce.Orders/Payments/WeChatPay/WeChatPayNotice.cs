using System.Text.Json;

namespace RuralCommerce.Orders.Payments.WeChatPay;

/// <summary>
/// A notification WeChat Pay posted to our notify URL, once its signature held and its resource opened: a payment
/// (<c>TRANSACTION.SUCCESS</c>) or a refund (<c>REFUND.SUCCESS</c>, <c>REFUND.ABNORMAL</c>, <c>REFUND.CLOSED</c>).
/// </summary>
internal sealed record WeChatPayNotice(string Id, string EventType, string SubMerchantId, WeChatPayTransaction? Payment, WeChatPayRefundNotice? Refund);

internal sealed record WeChatPayRefundNotice(string OutTradeNo, string OutRefundNo, string RefundId, string RefundStatus, long RefundFen);

/// <summary>Reads WeChat Pay's notifications: the signature first, then the sealed resource, then its fields.</summary>
internal sealed class WeChatPayNoticeReader(WeChatPayPlatformKeys platform, byte[] apiV3Key)
{
    /// <summary>The notice, or why it is not believed (<see cref="WeChatPayVerdict.Forged"/> also for a resource that will not open).</summary>
    public (WeChatPayVerdict Verdict, WeChatPayNotice? Notice) Read(Func<string, string?> header, ReadOnlySpan<byte> body)
    {
        var verdict = platform.Verify(header("Wechatpay-Serial"), header("Wechatpay-Timestamp"), header("Wechatpay-Nonce"), header("Wechatpay-Signature"), body);
        if (verdict != WeChatPayVerdict.Authentic)
        {
            return (verdict, null);
        }

        Envelope? envelope;
        try
        {
            envelope = JsonSerializer.Deserialize<Envelope>(body, ProviderJson.SnakeCase);
        }
        catch (JsonException)
        {
            return (WeChatPayVerdict.Forged, null);
        }

        var plaintext = envelope?.Resource is { } r ? WeChatPayResource.Open(apiV3Key, r.Nonce, r.AssociatedData, r.Ciphertext) : null;
        if (envelope?.Id is null || envelope.EventType is null || plaintext is null)
        {
            return (WeChatPayVerdict.Forged, null);
        }

        var resource = JsonSerializer.Deserialize<Resource>(plaintext, ProviderJson.SnakeCase)!;
        var payment = envelope.EventType.StartsWith("TRANSACTION.", StringComparison.Ordinal)
            ? new WeChatPayTransaction(resource.OutTradeNo, resource.TransactionId, resource.TradeState ?? "", resource.Amount?.Total, resource.SuccessTime)
            : null;
        var refund = envelope.EventType.StartsWith("REFUND.", StringComparison.Ordinal) && resource.OutRefundNo is not null
            ? new WeChatPayRefundNotice(resource.OutTradeNo, resource.OutRefundNo, resource.RefundId ?? "", resource.RefundStatus ?? "", resource.Amount?.Refund ?? 0)
            : null;
        return (WeChatPayVerdict.Authentic, new WeChatPayNotice(envelope.Id, envelope.EventType, resource.SubMchid ?? "", payment, refund));
    }

    private sealed record SealedResource(string? Ciphertext, string? AssociatedData, string? Nonce);

    private sealed record Envelope(string? Id, string? EventType, SealedResource? Resource);

    private sealed record ResourceAmount(long? Total, long? Refund);

    private sealed record Resource(
        string? SubMchid, string OutTradeNo, string? TransactionId, string? TradeState, DateTimeOffset? SuccessTime, ResourceAmount? Amount,
        string? OutRefundNo, string? RefundId, string? RefundStatus);
}
