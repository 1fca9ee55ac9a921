using System.Net;

namespace RuralCommerce.Orders.Tests;

/// <summary>The platform records each cooperative's own merchant ids, so that its buyers' money goes straight to it.</summary>
public sealed class PaymentSettingsTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private readonly OrdersKit _kit = new(factory);

    [Fact]
    public async Task The_platform_records_a_cooperatives_merchant_ids_its_administrators_read_them_and_no_one_else_changes_them()
    {
        var (shop, seller, _) = await _kit.ProductInStockAsync(1m, cooperative: "Leishan Mushroom Cooperative");
        var platform = new OrdersApi(factory.CreateAdminClient());
        var admin = new OrdersApi(shop.Cooperative.Admin.Http);

        var unset = (await admin.PaymentSettings(shop.CooperativeId)).Body;
        Assert.Equal((null, null, null), (unset.WeChatPaySubMerchantId, unset.AlipayMerchantId, unset.UpdatedAt));
        // Development's gateway stands in for every cooperative.
        Assert.Equal(["WeChatPay", "Alipay", "BankTransfer"], unset.OnlineMethods);

        var recorded = await platform.RecordPaymentSettings(shop.CooperativeId, " 1900000109 ", "2088102177846880");
        Assert.Equal(HttpStatusCode.OK, recorded.Status);
        var read = (await admin.PaymentSettings(shop.CooperativeId)).Body;
        Assert.Equal(("1900000109", "2088102177846880"), (read.WeChatPaySubMerchantId, read.AlipayMerchantId));
        Assert.NotNull(read.UpdatedAt);

        Assert.Equal(HttpStatusCode.Forbidden, (await admin.RecordPaymentSettings(shop.CooperativeId, "1900000110", null)).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await new OrdersApi(factory.ClientFor(seller.Session)).PaymentSettings(shop.CooperativeId)).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await platform.PaymentSettings(Guid.NewGuid())).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await platform.RecordPaymentSettings(Guid.NewGuid(), "1900000111", null)).Status);

        var cleared = (await platform.RecordPaymentSettings(shop.CooperativeId, "", null)).Body;
        Assert.Equal((null, null), (cleared.WeChatPaySubMerchantId, cleared.AlipayMerchantId));
    }

    [Fact]
    public async Task A_malformed_id_is_400_and_an_id_of_another_cooperative_is_409_with_nothing_changed()
    {
        var (shop, _, _) = await _kit.ProductInStockAsync(1m, cooperative: "Xijiang Tea Cooperative");
        var (other, _, _) = await _kit.ProductInStockAsync(1m, cooperative: "Kongbai Rice Wine Cooperative");
        var platform = new OrdersApi(factory.CreateAdminClient());
        await platform.RecordPaymentSettings(shop.CooperativeId, "1900000201", "2088000000000201");

        var malformed = await platform.RecordPaymentSettings(other.CooperativeId, "19000-00202", "2099000000000202");
        Assert.Equal(HttpStatusCode.BadRequest, malformed.Status);
        Assert.Equal(["alipayMerchantId", "weChatPaySubMerchantId"], malformed.FieldErrors.Keys.Order());

        var taken = await platform.RecordPaymentSettings(other.CooperativeId, "1900000201", null);
        Assert.Equal("MerchantIdTaken", taken.Problem.GetProperty("reason").GetString());
        var alsoTaken = await platform.RecordPaymentSettings(other.CooperativeId, null, "2088000000000201");
        Assert.Equal(HttpStatusCode.Conflict, alsoTaken.Status);
        var unchanged = (await platform.PaymentSettings(other.CooperativeId)).Body;
        Assert.Equal((null, null, null), (unchanged.WeChatPaySubMerchantId, unchanged.AlipayMerchantId, unchanged.UpdatedAt));
    }

    [Fact]
    public async Task Without_a_payment_provider_a_cooperatives_buyers_can_pay_nothing_online_whatever_its_ids()
    {
        await using var production = new ProductionApiFactory();
        var (shop, _, _) = await new OrdersKit(production).ProductInStockAsync(1m);
        var platform = new OrdersApi(production.CreateAdminClient());

        var settings = (await platform.RecordPaymentSettings(shop.CooperativeId, "1900000301", null)).Body;

        Assert.Equal("1900000301", settings.WeChatPaySubMerchantId);
        Assert.Empty(settings.OnlineMethods);
    }
}
