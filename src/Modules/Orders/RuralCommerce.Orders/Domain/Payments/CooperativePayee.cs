namespace RuralCommerce.Orders.Domain.Payments;

/// <summary>
/// Who a cooperative is to the payment providers: buyers' money goes to the cooperative's own merchant account, never
/// through the platform's (a platform that collects and pays out again would be clearing without a licence, 二清). The
/// platform is the service provider; the cooperative is its sub-merchant: WeChat Pay's <c>sub_mchid</c>, and Alipay's
/// merchant (PID) that authorised the platform's app. The platform's own keys never come here: they are configuration.
/// </summary>
internal sealed class CooperativePayee
{
    private CooperativePayee()
    {
    }

    public Guid CooperativeId { get; private set; }

    /// <summary>The cooperative's WeChat Pay sub-merchant number (<c>sub_mchid</c>) under the platform's service-provider account.</summary>
    public string? WeChatPaySubMerchantId { get; private set; }

    /// <summary>The cooperative's Alipay merchant id (PID, 2088 and 12 digits), the account that authorises the platform's app.</summary>
    public string? AlipayMerchantId { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public Guid UpdatedBy { get; private set; }

    public static CooperativePayee For(Guid cooperativeId) => new() { CooperativeId = cooperativeId };

    public void Record(string? weChatPaySubMerchantId, string? alipayMerchantId, Guid by, DateTimeOffset at)
    {
        WeChatPaySubMerchantId = weChatPaySubMerchantId;
        AlipayMerchantId = alipayMerchantId;
        UpdatedBy = by;
        UpdatedAt = at;
    }
}
