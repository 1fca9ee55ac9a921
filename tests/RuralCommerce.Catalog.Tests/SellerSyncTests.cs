using Microsoft.EntityFrameworkCore;
using RuralCommerce.Catalog.Contracts;
using RuralCommerce.Catalog.Domain.Products;
using RuralCommerce.Catalog.Features.RegisterBatch;
using RuralCommerce.Cooperatives.Contracts;
using RuralCommerce.Cooperatives.Features.CorrectMemberDetails;

namespace RuralCommerce.Catalog.Tests;

/// <summary>Catalog follows the Cooperatives register: a seller who stops selling takes their products out of the shop.</summary>
public sealed class SellerSyncTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private static Task WaitUntilDelisted(CatalogScenario scenario, Guid productId, DelistReason reason) =>
        scenario.WaitUntilCatalogAsync(
            db => db.Products.AnyAsync(p => p.Id == new ProductId(productId) && p.Status == ProductStatus.Delisted && p.DelistReason == reason),
            $"the product is delisted ({reason})");

    [Fact]
    public async Task A_seller_who_leaves_has_their_listed_products_delisted_and_others_keep_theirs()
    {
        var scenario = await CatalogScenario.CreateAsync(factory);
        var leaving = await scenario.AddSellerAsync();
        var staying = await scenario.AddSellerAsync("Wu Lan");
        var gone = await scenario.ListedProductAsync(leaving);
        var draft = (await leaving.Catalog.CreateProduct(scenario.CooperativeId, CatalogTestData.Shiitake())).Body;
        var kept = await scenario.ListedProductAsync(staying);

        _ = (await scenario.Cooperative.Admin.Leave(scenario.CooperativeId, leaving.MemberId)).Body;

        await WaitUntilDelisted(scenario, gone.ProductId, DelistReason.SellerLeft);
        Assert.Equal("Draft", (await scenario.Admin.GetProduct(scenario.CooperativeId, draft.ProductId)).Body.Status);
        Assert.Equal("Listed", (await scenario.Admin.GetProduct(scenario.CooperativeId, kept.ProductId)).Body.Status);
        Assert.False((await scenario.Anonymous.ShopProduct(gone.ProductId)).Body.Buyable);
        await AssertPublishedAsync(scenario, gone.ProductId, "SellerLeft");
    }

    [Fact]
    public async Task Revoking_the_seller_role_delists_and_reinstating_a_suspended_seller_does_not_relist()
    {
        var scenario = await CatalogScenario.CreateAsync(factory);
        var revoked = await scenario.AddSellerAsync();
        var suspended = await scenario.AddSellerAsync("Wu Lan");
        var a = await scenario.ListedProductAsync(revoked);
        var b = await scenario.ListedProductAsync(suspended);

        _ = (await scenario.Cooperative.Admin.RevokeRole(scenario.CooperativeId, revoked.MemberId, MemberRoles.Seller)).Body;
        _ = (await scenario.Cooperative.Admin.Suspend(scenario.CooperativeId, suspended.MemberId)).Body;
        await WaitUntilDelisted(scenario, a.ProductId, DelistReason.SellerRoleRevoked);
        await WaitUntilDelisted(scenario, b.ProductId, DelistReason.SellerSuspended);

        _ = (await scenario.Cooperative.Admin.Reinstate(scenario.CooperativeId, suspended.MemberId)).Body;
        await scenario.WaitUntilCatalogAsync(
            db => db.Members.AnyAsync(m => m.Id == suspended.MemberId && m.Status == Domain.Members.MemberStatus.Active), "the seller is active again");
        Assert.Equal("Delisted", (await scenario.Admin.GetProduct(scenario.CooperativeId, b.ProductId)).Body.Status);

        // Reinstated, the seller may relist by their own choice (with a fresh token).
        var again = new CatalogApi(factory.ClientFor(await factory.SignInAsync(suspended.Phone)));
        Assert.Equal("Listed", (await again.List(scenario.CooperativeId, b.ProductId)).Body.Status);
    }

    [Fact]
    public async Task A_suspended_cooperative_leaves_the_shop_and_cannot_list()
    {
        var scenario = await CatalogScenario.CreateAsync(factory);
        var seller = await scenario.AddSellerAsync();
        var product = await scenario.ListedProductAsync(seller);
        var draft = (await seller.Catalog.CreateProduct(scenario.CooperativeId, CatalogTestData.Shiitake())).Body;

        _ = (await scenario.Cooperative.PlatformAdmin.SuspendCooperative(scenario.CooperativeId)).Body;
        await WaitUntilDelisted(scenario, product.ProductId, DelistReason.CooperativeSuspended);

        var storefront = (await scenario.Anonymous.Storefront(scenario.CooperativeId)).Body;
        Assert.False(storefront.Open);
        Assert.Equal(0, storefront.Products.TotalCount);
        var refused = await seller.Catalog.List(scenario.CooperativeId, draft.ProductId);
        Assert.Equal("OnlyAnActiveSellerOfAnActiveCooperativeCanSellRule", refused.BrokenRule);
    }

    [Fact]
    public async Task A_corrected_name_reaches_the_trace_page()
    {
        var scenario = await CatalogScenario.CreateAsync(factory);
        var seller = await scenario.AddSellerAsync("Zhang Ming", village: "Xijiang");
        var product = await scenario.ListedProductAsync(seller);
        var batch = (await seller.Catalog.RegisterBatch(scenario.CooperativeId, product.ProductId,
            new RegisterBatchRequest("XJ-2026-11", new DateOnly(2026, 11, 1), null, 100m, "substrate: corn cobs"))).Body;

        _ = (await scenario.Cooperative.Admin.CorrectDetails(scenario.CooperativeId, seller.MemberId,
            new CorrectMemberDetailsRequest("Zhang Min", "Upper Xijiang", null))).Body;

        await Eventually.HoldsAsync(
            async () => (await scenario.Anonymous.Trace(scenario.CooperativeId, batch.Code)).Body.Grower == new Features.TraceBatch.TraceGrower("Zhang Min", "Upper Xijiang"),
            "the trace page names the grower as corrected");
    }

    private static async Task AssertPublishedAsync(CatalogScenario scenario, Guid productId, string reason) =>
        await scenario.WaitUntilCatalogAsync(
            async db => (await db.OutboxMessages.Where(m => m.Type.Contains(nameof(ProductDelistedIntegrationEvent))).ToListAsync())
                .Any(m => m.Payload.Contains(productId.ToString(), StringComparison.Ordinal) && m.Payload.Contains(reason, StringComparison.Ordinal)),
            "Catalog published the delisting");
}
