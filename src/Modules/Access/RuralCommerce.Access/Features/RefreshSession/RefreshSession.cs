using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using RuralCommerce.Access.Domain.Sessions;
using RuralCommerce.Access.Features.Common;
using RuralCommerce.Access.Persistence;
using RuralCommerce.Shared.Infrastructure.Web;
using RuralCommerce.SharedKernel;

namespace RuralCommerce.Access.Features.RefreshSession;

internal sealed record RefreshSessionRequest([property: Required, MaxLength(200)] string? RefreshToken);

internal static class RefreshSessionEndpoint
{
    public static void MapRefreshSession(this IEndpointRouteBuilder group) =>
        group.MapPost(AccessApiPaths.RefreshToken, HandleAsync)
            .AllowAnonymous()
            .RequireRateLimiting(AccessRateLimits.Credentials)
            .WithName("RefreshSession")
            .WithSummary("Trades a refresh token for a new pair. A token used twice signs its whole session out (theft), "
                         + "except a retry within seconds of its use, when the first answer was lost.")
            .WithDescription("Anonymous: the refresh token is the credential. 401 for an unknown, expired, revoked or stolen token; 409 when another refresh of the same token won a moment ago.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status409Conflict);

    private static async Task<Ok<SessionResponse>> HandleAsync(
        RefreshSessionRequest request, AccessDbContext db, SessionIssuer sessions, IOptions<AccessOptions> options,
        TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        errors.Require(!string.IsNullOrWhiteSpace(request.RefreshToken), "refreshToken", "refreshToken is required.");
        errors.ThrowIfAny();

        var settings = options.Value;
        var now = clock.GetUtcNow();
        var hash = RefreshToken.Hash(request.RefreshToken!);
        var token = await db.RefreshTokens.SingleOrDefaultAsync(t => t.TokenHash == hash, cancellationToken);
        if (token is null || token.RevokedAt is not null || token.ExpiresAt <= now)
        {
            throw new AuthenticationFailedException("The refresh token is not valid. Sign in again.");
        }

        if (token.RotatedAt is { } rotatedAt)
        {
            // Only a spent token needs the rest of its family; the everyday refresh touches one row.
            var family = await db.RefreshTokens.Where(t => t.FamilyId == token.FamilyId).ToListAsync(cancellationToken);
            if (now - rotatedAt > settings.RefreshTokenReuseGrace)
            {
                // A spent token came back: someone else holds a copy. End the whole session.
                await db.RevokeSessionsAsync(family, now, cancellationToken);
                await db.SaveChangesAsync(cancellationToken);
                throw new AuthenticationFailedException("The refresh token was already used; the session has been signed out.");
            }

            // The client never saw the successor: retire it and issue another.
            family.Where(t => t.IsActiveAt(now)).ToList().ForEach(t => t.Revoke(now));
        }

        var account = await db.Accounts.SingleOrDefaultAsync(a => a.Id == token.AccountId, cancellationToken)
                      ?? throw new AuthenticationFailedException("The account no longer exists.");
        var (successor, value) = token.Successor(new RefreshTokenId(NewId.Next(clock)), now, settings.RefreshTokenLifetime);
        db.RefreshTokens.Add(successor);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(await sessions.IssueAsync(account, successor, value, cancellationToken));
    }
}
