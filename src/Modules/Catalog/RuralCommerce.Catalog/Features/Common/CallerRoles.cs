using System.Security.Claims;
using RuralCommerce.Cooperatives.Contracts;
using RuralCommerce.Shared.Infrastructure.Security;

namespace RuralCommerce.Catalog.Features.Common;

/// <summary>What the caller's token says they do in a cooperative, for pages (which use no other module's types).</summary>
internal static class CallerRoles
{
    public static bool SellsIn(this ClaimsPrincipal caller, Guid cooperativeId) =>
        caller.MembershipIn(cooperativeId)?.HasRole(MemberRoles.Seller) ?? false;

    public static IReadOnlyList<Guid> CooperativesSellingIn(this ClaimsPrincipal caller) =>
        caller.Memberships().Where(m => m.HasRole(MemberRoles.Seller)).Select(m => m.CooperativeId).ToList();

    public static IReadOnlyList<Guid> CooperativesHostingIn(this ClaimsPrincipal caller) =>
        caller.Memberships().Where(m => m.HasRole(MemberRoles.LivestreamHost)).Select(m => m.CooperativeId).ToList();
}
