using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using RuralCommerce.Cooperatives.Domain.Members;
using RuralCommerce.Cooperatives.Persistence;
using RuralCommerce.Shared.Infrastructure.Security;
using RuralCommerce.SharedKernel;

namespace RuralCommerce.Cooperatives.Features.MyCooperatives;

internal sealed record MyMembershipResponse(
    Guid CooperativeId, string CooperativeName, Guid MemberId, string Status, IReadOnlyList<string> Roles, int Shares, decimal DuesOwed);

internal static class MyCooperativesEndpoint
{
    public static void MapMyCooperatives(this IEndpointRouteBuilder group) =>
        group.MapGet(CooperativesApiPaths.Mine, HandleAsync)
            .WithName("ListMyCooperatives")
            .WithSummary("The signed-in person's own memberships, as Cooperatives records them: roles, shares and dues owed.")
            .WithDescription("Any signed-in caller. Members are matched by the caller's confirmed phone number (and applications by account), "
                             + "so a member an administrator entered appears once its owner has confirmed the number.");

    internal static async Task<Ok<List<MyMembershipResponse>>> HandleAsync(ClaimsPrincipal caller, CooperativesDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var accountId = caller.AccountId();
        var mine = caller.FindFirst(RuralClaims.PhoneVerified)?.Value == "true" && PhoneNumber.TryParse(caller.FindFirst(RuralClaims.Phone)?.Value, out var phone)
            ? db.Members.Where(m => m.ApplicantAccountId == accountId || m.Phone == phone)
            : db.Members.Where(m => m.ApplicantAccountId == accountId);
        var members = await mine.AsNoTracking()
            .Where(m => m.Status != MemberStatus.Rejected)
            .Join(db.Cooperatives.AsNoTracking(), m => m.CooperativeId, c => c.Id, (m, c) => new { Member = m, CooperativeName = c.Name })
            .ToListAsync(cancellationToken);
        var memberIds = members.Select(m => m.Member.Id).ToList();
        var owed = await db.DuesCharges.AsNoTracking()
            .Where(d => memberIds.Contains(d.MemberId) && d.PaidAt == null)
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(members
            .OrderBy(m => m.CooperativeName, StringComparer.Ordinal)
            .Select(m => new MyMembershipResponse(
                m.Member.CooperativeId.Value, m.CooperativeName, m.Member.Id.Value, m.Member.Status.ToString(), m.Member.Roles.Names, m.Member.Shares,
                owed.Where(d => d.MemberId == m.Member.Id).Sum(d => d.Amount.Amount)))
            .ToList());
    }
}
