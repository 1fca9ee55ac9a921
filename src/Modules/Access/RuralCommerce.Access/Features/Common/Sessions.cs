using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using RuralCommerce.Access.Domain.Accounts;
using RuralCommerce.Access.Domain.Memberships;
using RuralCommerce.Access.Domain.Sessions;
using RuralCommerce.Access.Persistence;
using RuralCommerce.Shared.Infrastructure.Security;

using RuralCommerce.SharedKernel;

namespace RuralCommerce.Access.Features.Common;

internal sealed record SessionResponse(
    string AccessToken, DateTimeOffset AccessTokenExpiresAt, string RefreshToken, DateTimeOffset RefreshTokenExpiresAt)
{
    public string TokenType => "Bearer";
}

/// <summary>Turns an account and a fresh refresh token into the pair a client keeps.</summary>
internal sealed class SessionIssuer(
    AccessDbContext db, IOptions<JwtOptions> jwt, IOptions<AccessOptions> access, SigningKey signingKey, TimeProvider clock)
{
    private static readonly JsonWebTokenHandler Handler = new();

    /// <summary>Starts a new session (a refresh-token family) for the account, saves it with any pending change, and issues its pair.</summary>
    public async Task<SessionResponse> StartAsync(Account account, CancellationToken cancellationToken)
    {
        var (refreshToken, value) = await StartFamilyAsync(account, cancellationToken);
        return await IssueAsync(account, refreshToken, value, cancellationToken);
    }

    /// <summary>Starts a new session and saves it with any pending change; the page cookie is bound to its id.</summary>
    public async Task<(RefreshToken Token, string Value)> StartFamilyAsync(Account account, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(account);
        var (refreshToken, value) = RefreshToken.StartFamily(
            new RefreshTokenId(NewId.Next(clock)), new SessionId(NewId.Next(clock)), account.Id, clock.GetUtcNow(), access.Value.RefreshTokenLifetime);
        db.RefreshTokens.Add(refreshToken);
        await db.SaveChangesAsync(cancellationToken);
        return (refreshToken, value);
    }

    public async Task<SessionResponse> IssueAsync(Account account, RefreshToken refreshToken, string refreshTokenValue, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(refreshToken);
        var claims = await ClaimsAsync(account, refreshToken.FamilyId, cancellationToken);
        var now = clock.GetUtcNow();
        var expiresAt = now + jwt.Value.AccessTokenLifetime;
        var token = Handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = jwt.Value.Issuer,
            Audience = jwt.Value.Audience,
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = expiresAt.UtcDateTime,
            SigningCredentials = new SigningCredentials(signingKey.Key, SecurityAlgorithms.HmacSha256),
            Claims = claims,
        });
        return new SessionResponse(token, expiresAt, refreshTokenValue, refreshToken.ExpiresAt);
    }

    /// <summary>What a session says about its account: the access token's claims, and the page cookie's.</summary>
    public async Task<Dictionary<string, object>> ClaimsAsync(Account account, SessionId sessionId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(account);
        var memberships = await db.Memberships.AsNoTracking()
            .Where(m => m.AccountId == account.Id && m.Status == MembershipStatus.Active)
            .OrderBy(m => m.CooperativeId)
            .ToListAsync(cancellationToken);
        return new Dictionary<string, object>
        {
            [RuralClaims.Subject] = account.Id.Value.ToString(),
            [RuralClaims.Session] = sessionId.Value.ToString(),
            [RuralClaims.Name] = account.DisplayName,
            [RuralClaims.Phone] = account.Phone.Value,
            [RuralClaims.PhoneVerified] = account.IsPhoneVerified,
            [RuralClaims.Role] = account.PlatformRoles.Names.ToArray(),
            [RuralClaims.Membership] = memberships
                .Select(m => new MembershipClaim(m.CooperativeId, m.MemberId, m.Roles.Names).Format())
                .ToArray(),
        };
    }
}
