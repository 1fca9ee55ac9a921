using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using RuralCommerce.Catalog.Domain.Members;
using RuralCommerce.Catalog.Domain.Products;
using RuralCommerce.Catalog.Persistence;
using RuralCommerce.Shared.Infrastructure.Security;
using RuralCommerce.SharedKernel;

namespace RuralCommerce.Catalog.Features.Common;

internal static class Lookups
{
    public static async Task<Cooperative> FindCooperativeAsync(this CatalogDbContext db, Guid cooperativeId, CancellationToken cancellationToken) =>
        await db.Cooperatives.SingleOrDefaultAsync(c => c.Id == cooperativeId, cancellationToken)
        ?? throw new NotFoundException("Cooperative", cooperativeId);

    /// <summary>The caller's own member record in the cooperative, as Catalog knows it (the token names the member).</summary>
    public static async Task<Member> FindCallerAsync(this CatalogDbContext db, ClaimsPrincipal caller, Guid cooperativeId, CancellationToken cancellationToken)
    {
        var memberId = caller.MembershipIn(cooperativeId)?.MemberId ?? throw new NotFoundException("Member", caller.AccountId());
        return await db.Members.SingleOrDefaultAsync(m => m.Id == memberId && m.CooperativeId == cooperativeId, cancellationToken)
            ?? throw new ConflictException("MemberNotKnownYet", "Your membership is still being set up; try again in a moment.");
    }

    /// <summary>
    /// A product of this cooperative the caller may see: their own, or any when they administer the cooperative.
    /// Anything else is "not found", so nobody learns another seller's products exist.
    /// </summary>
    public static async Task<Product> FindVisibleProductAsync(
        this CatalogDbContext db, ClaimsPrincipal caller, Guid cooperativeId, Guid productId, CancellationToken cancellationToken)
    {
        var product = await db.Products.Include(p => p.Photos)
            .SingleOrDefaultAsync(p => p.Id == new ProductId(productId) && p.CooperativeId == cooperativeId, cancellationToken);
        var visible = product is not null
            && (caller.CanAdminister(cooperativeId) || product.SellerId == caller.MembershipIn(cooperativeId)?.MemberId);
        return visible ? product! : throw new NotFoundException("Product", productId);
    }

    /// <summary>A product only its own seller may change: anyone else's is "not found".</summary>
    public static async Task<Product> FindOwnProductAsync(
        this CatalogDbContext db, ClaimsPrincipal caller, Guid cooperativeId, Guid productId, CancellationToken cancellationToken)
    {
        var sellerId = caller.MembershipIn(cooperativeId)?.MemberId;
        return await db.Products.Include(p => p.Photos)
            .SingleOrDefaultAsync(p => p.Id == new ProductId(productId) && p.CooperativeId == cooperativeId && p.SellerId == sellerId, cancellationToken)
            ?? throw new NotFoundException("Product", productId);
    }
}
