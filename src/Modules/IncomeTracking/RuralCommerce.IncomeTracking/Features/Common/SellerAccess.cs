using System.Security.Claims;
using RuralCommerce.Shared.Infrastructure.Security;
using RuralCommerce.SharedKernel;

namespace RuralCommerce.IncomeTracking.Features.Common;

internal static class SellerAccess
{
    /// <summary>A member reads and records their own income; the cooperative's administrators every member's (403 otherwise).</summary>
    public static void RequireOwnOrAdministered(this ClaimsPrincipal caller, Guid cooperativeId, Guid memberId)
    {
        if (caller.MembershipIn(cooperativeId)?.MemberId != memberId && !caller.CanAdminister(cooperativeId))
        {
            throw new ForbiddenException("A member sees and records their own income; the cooperative's administrators every member's.");
        }
    }
}
