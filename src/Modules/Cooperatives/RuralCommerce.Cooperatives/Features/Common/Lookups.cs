using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using RuralCommerce.Cooperatives.Domain.Cooperatives;
using RuralCommerce.Cooperatives.Domain.Members;
using RuralCommerce.Cooperatives.Persistence;
using RuralCommerce.Shared.Infrastructure.Security;
using RuralCommerce.Shared.Infrastructure.Web;
using RuralCommerce.SharedKernel;

namespace RuralCommerce.Cooperatives.Features.Common;

internal static class Lookups
{
    public static async Task<Cooperative> FindCooperativeAsync(this CooperativesDbContext db, Guid cooperativeId, CancellationToken cancellationToken) =>
        await db.Cooperatives.SingleOrDefaultAsync(c => c.Id == new CooperativeId(cooperativeId), cancellationToken)
        ?? throw new NotFoundException("Cooperative", cooperativeId);

    /// <summary>A member of exactly this cooperative: another cooperative's member is "not found" here.</summary>
    public static async Task<Member> FindMemberAsync(this CooperativesDbContext db, Guid cooperativeId, Guid memberId, CancellationToken cancellationToken) =>
        await db.Members.SingleOrDefaultAsync(
            m => m.Id == new MemberId(memberId) && m.CooperativeId == new CooperativeId(cooperativeId), cancellationToken)
        ?? throw new NotFoundException("Member", memberId);

    /// <summary>Administrators act on anyone in their cooperative; a member only on themself.</summary>
    public static void EnsureAdminOrSelf(this ClaimsPrincipal caller, Guid cooperativeId, Guid memberId)
    {
        if (!caller.CanAdminister(cooperativeId) && caller.MembershipIn(cooperativeId)?.MemberId != memberId)
        {
            throw new NotFoundException("Member", memberId);
        }
    }

    public static string? RequireRole(this ValidationErrors errors, string? role, string field = "role")
    {
        errors.Require(Contracts.MemberRoles.All.Contains(role), field, $"{field} must be one of: {string.Join(", ", Contracts.MemberRoles.All)}.");
        return role;
    }

    public static IdCardNumber? OptionalIdCard(this ValidationErrors errors, string? value, string field = "idCardNumber")
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        return errors.Require(IdCardNumber.TryParse(value, out var number), field, "Enter the 18-character resident ID card number.")
            ? number
            : null;
    }

    public static int RequireShareCount(this ValidationErrors errors, int? count, string field = "count")
    {
        errors.Require(count is >= 1 and <= 1_000_000, field, $"{field} must be between 1 and 1000000.");
        return count ?? 0;
    }
}
