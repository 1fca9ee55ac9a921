using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using RuralCommerce.Access.Domain.Accounts;
using RuralCommerce.Access.Persistence;
using RuralCommerce.Shared.Infrastructure.Security;
using RuralCommerce.SharedKernel;

namespace RuralCommerce.Access.Features.GetMe;

internal sealed record MembershipResponse(Guid CooperativeId, Guid MemberId, IReadOnlyList<string> Roles, string Status);

internal sealed record MeResponse(
    Guid AccountId, string Phone, string DisplayName, bool PhoneVerified, IReadOnlyList<string> PlatformRoles,
    IReadOnlyList<MembershipResponse> Memberships);

internal static class GetMeEndpoint
{
    public static void MapGetMe(this IEndpointRouteBuilder group) =>
        group.MapGet(AccessApiPaths.Me, HandleAsync)
            .AllowPageScripts()
            .WithName("GetMe")
            .WithDescription("Any signed-in caller. Memberships are read from the database, so a change shows here before the token is refreshed. "
                             + "A page's own script may call it with the page cookie and the antiforgery token (meta rc-antiforgery) in the RequestVerificationToken header.")
            .WithSummary("The caller's account, platform roles and cooperative memberships (as stored now, not as in the token).");

    internal static async Task<Ok<MeResponse>> HandleAsync(ClaimsPrincipal caller, AccessDbContext db, CancellationToken cancellationToken)
    {
        var accountId = new AccountId(caller.AccountId());
        var account = await db.Accounts.AsNoTracking().SingleOrDefaultAsync(a => a.Id == accountId, cancellationToken)
                      ?? throw new NotFoundException("Account", accountId.Value);
        var memberships = await db.Memberships.AsNoTracking()
            .Where(m => m.AccountId == accountId)
            .OrderBy(m => m.CooperativeId)
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(new MeResponse(
            account.Id.Value, account.Phone.Value, account.DisplayName, account.IsPhoneVerified, account.PlatformRoles.Names,
            memberships.Select(m => new MembershipResponse(m.CooperativeId, m.MemberId, m.Roles.Names, m.Status.ToString())).ToList()));
    }
}
