using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using RuralCommerce.IncomeTracking.Persistence;
using RuralCommerce.Shared.Infrastructure.Security;
using RuralCommerce.SharedKernel;

namespace RuralCommerce.IncomeTracking.Features.Common;

internal static class SellerAccess
{
    /// <summary>
    /// A member reads and records their own income; the cooperative's administrators every member's (403 otherwise).
    /// The member must be one of the route's cooperative (404 otherwise): an administrator of one cooperative learns
    /// nothing of, and records nothing for, another cooperative's members or an id that names nobody.
    /// </summary>
    public static async Task RequireOwnOrAdministeredMemberAsync(
        this ClaimsPrincipal caller, IncomeTrackingDbContext db, Guid cooperativeId, Guid memberId, CancellationToken cancellationToken)
    {
        if (caller.MembershipIn(cooperativeId)?.MemberId != memberId && !caller.CanAdminister(cooperativeId))
        {
            throw new ForbiddenException("A member sees and records their own income; the cooperative's administrators every member's.");
        }

        if (!await db.Sellers.AnyAsync(s => s.Id == memberId && s.CooperativeId == cooperativeId, cancellationToken))
        {
            throw new NotFoundException("Member", memberId);
        }
    }
}
