using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RuralCommerce.Catalog.Features.AdjustStock;
using RuralCommerce.Catalog.Features.Common;
using RuralCommerce.Catalog.Features.CreateProduct;
using RuralCommerce.Catalog.Persistence;
using RuralCommerce.Cooperatives.Contracts;
using RuralCommerce.TestSupport.Cooperatives;

namespace RuralCommerce.TestSupport.Catalog;

/// <summary>A signed-in member whose token and Catalog's copy both know them.</summary>
internal sealed record SignedInMember(Guid MemberId, string Phone, Session Session, CatalogApi Catalog);

/// <summary>
/// A cooperative Catalog already knows, its administrator, and ways to add sellers and hosts that can act at once
/// (their token carries the role and Catalog's copy of them has arrived).
/// </summary>
internal sealed class CatalogScenario(ApiFactory factory, CooperativeScenario cooperative)
{
    public ApiFactory Factory { get; } = factory;

    public CooperativeScenario Cooperative { get; } = cooperative;

    public Guid CooperativeId => Cooperative.CooperativeId;

    /// <summary>The cooperative's administrator (the same signed-in client as <see cref="CooperativeScenario.Admin"/>).</summary>
    public CatalogApi Admin { get; } = new(cooperative.Admin.Http);

    public CatalogApi Anonymous { get; } = new(factory.CreateClient());

    public static async Task<CatalogScenario> CreateAsync(ApiFactory factory, string name = "Xiaozhai Mushroom Cooperative", string province = "Sichuan")
    {
        ArgumentNullException.ThrowIfNull(factory);
        var cooperative = await CooperativeScenario.CreateAsync(factory, province, name);
        var scenario = new CatalogScenario(factory, cooperative);
        await scenario.WaitUntilCatalogAsync(db => db.Cooperatives.AnyAsync(c => c.Id == cooperative.CooperativeId), "Catalog knows the cooperative");
        return scenario;
    }

    public Task<SignedInMember> AddSellerAsync(string name = "Zhang Min", string village = "Xiaozhai") =>
        AddMemberAsync(name, village, MemberRoles.Seller);

    public async Task<SignedInMember> AddMemberAsync(string name, string village, params string[] roles)
    {
        var (phone, _) = await Factory.NewVerifiedPersonAsync(name);
        var member = await Cooperative.AddMemberAsync(name, phone, village, roles);
        var (session, _) = await Factory.WaitForMembershipAsync(phone, CooperativeId);
        await WaitUntilCatalogAsync(db => db.Members.AnyAsync(m => m.Id == member.MemberId), $"Catalog knows {name}");
        return new SignedInMember(member.MemberId, phone, session, new CatalogApi(Factory.ClientFor(session)));
    }

    /// <summary>A listed product of <paramref name="seller"/> with <paramref name="stock"/> on hand.</summary>
    public async Task<ProductResponse> ListedProductAsync(SignedInMember seller, CreateProductRequest? product = null, decimal stock = 0m)
    {
        ArgumentNullException.ThrowIfNull(seller);
        var created = (await seller.Catalog.CreateProduct(CooperativeId, product ?? CatalogTestData.Shiitake())).Body;
        if (stock > 0m)
        {
            _ = (await seller.Catalog.AdjustStock(CooperativeId, created.ProductId, new AdjustStockRequest("Restock", stock, null, null))).Body;
        }

        return (await seller.Catalog.List(CooperativeId, created.ProductId)).Body;
    }

    /// <summary>Waits until Catalog's own data (fed by notifications) satisfies <paramref name="condition"/>.</summary>
    public async Task WaitUntilCatalogAsync(Func<CatalogDbContext, Task<bool>> condition, string because)
    {
        ArgumentNullException.ThrowIfNull(condition);
        await Eventually.HoldsAsync(async () =>
        {
            await using var scope = Factory.Services.CreateAsyncScope();
            return await condition(scope.ServiceProvider.GetRequiredService<CatalogDbContext>());
        }, because);
    }
}

internal static class CatalogTestData
{
    private static int _nextCode;

    public static string NewCode(string prefix = "SKU") => $"{prefix}-{Interlocked.Increment(ref _nextCode):D5}";

    public static CreateProductRequest Shiitake(string? code = null, decimal price = 68.00m, string name = "Dried shiitake grown on corn cobs, 500 g") =>
        new(code ?? NewCode("XG"), name, "DriedMushrooms", "Thick-capped shiitake grown on corn-cob substrate and sun-dried.", "Bag",
            new NetContentDto(500m, "Gram"), price, null, null);

    public static CreateProductRequest RiceWine(string? code = null, decimal price = 45.50m) =>
        new(code ?? NewCode("MJ"), "Hubei rice wine (米酒), 750 ml", "RiceWine", "Sweet glutinous rice wine brewed in the village.", "Bottle",
            new NetContentDto(750m, "Millilitre"), price, null, null);
}
