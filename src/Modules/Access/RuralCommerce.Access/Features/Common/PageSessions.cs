using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using RuralCommerce.Access.Domain.Accounts;
using RuralCommerce.Access.Domain.Sessions;
using RuralCommerce.Access.Persistence;
using RuralCommerce.Shared.Infrastructure.Security;

namespace RuralCommerce.Access.Features.Common;

/// <summary>
/// The page cookie's side of a session: it starts an Access session like the API's sign-in does, carries its claims,
/// reads them again every <see cref="PageAuthentication.ClaimsLifetime"/>, and ends it on sign-out.
/// </summary>
internal sealed class PageSessions(AccessDbContext db, SessionIssuer sessions, TimeProvider clock) : IPageSessionRefresher
{
    public async Task SignInAsync(HttpContext http, Account account, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(http);
        var (token, _) = await sessions.StartFamilyAsync(account, cancellationToken);
        var principal = PageAuthentication.Principal(ToClaims(await sessions.ClaimsAsync(account, token.FamilyId, cancellationToken)), clock.GetUtcNow());
        await http.SignInAsync(PageAuthentication.Scheme, principal, new AuthenticationProperties
        {
            IsPersistent = true,
            ExpiresUtc = token.ExpiresAt,
        });
    }

    public async Task<ClaimsPrincipal?> RefreshAsync(Guid sessionId, ClaimsPrincipal current, CancellationToken cancellationToken)
    {
        var id = new SessionId(sessionId);
        var now = clock.GetUtcNow();
        var session = await db.RefreshTokens.AsNoTracking()
            .Where(t => t.FamilyId == id && t.RevokedAt == null && t.ExpiresAt > now)
            .Select(t => new { t.AccountId })
            .FirstOrDefaultAsync(cancellationToken);
        var account = session is null ? null : await db.Accounts.AsNoTracking().SingleOrDefaultAsync(a => a.Id == session.AccountId, cancellationToken);
        return account is null ? null : PageAuthentication.Principal(ToClaims(await sessions.ClaimsAsync(account, id, cancellationToken)), now);
    }

    /// <summary>Ends the cookie and the Access session behind it, so the same cookie replayed later is refused.</summary>
    public async Task SignOutAsync(HttpContext http, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(http);
        if (Guid.TryParse(http.User.FindFirst(RuralClaims.Session)?.Value, out var sessionId))
        {
            var family = await db.RefreshTokens.Where(t => t.FamilyId == new SessionId(sessionId)).ToListAsync(cancellationToken);
            await db.RevokeSessionsAsync(family, clock.GetUtcNow(), cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
        }

        await http.SignOutAsync(PageAuthentication.Scheme);
    }

    private static IEnumerable<Claim> ToClaims(Dictionary<string, object> claims) =>
        claims.SelectMany(claim => claim.Value switch
        {
            string[] values => values.Select(value => new Claim(claim.Key, value)),
            bool flag => [new Claim(claim.Key, flag ? "true" : "false", ClaimValueTypes.Boolean)],
            _ => [new Claim(claim.Key, Convert.ToString(claim.Value, System.Globalization.CultureInfo.InvariantCulture) ?? "")],
        });
}
