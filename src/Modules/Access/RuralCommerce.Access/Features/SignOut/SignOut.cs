using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using RuralCommerce.Access.Domain.Accounts;
using RuralCommerce.Access.Domain.Sessions;
using RuralCommerce.Access.Persistence;
using RuralCommerce.Shared.Infrastructure.Security;
using RuralCommerce.Shared.Infrastructure.Web;

namespace RuralCommerce.Access.Features.SignOut;

internal sealed record SignOutRequest([property: Required, MaxLength(200)] string? RefreshToken);

internal static class SignOutEndpoint
{
    public static void MapSignOut(this IEndpointRouteBuilder group) =>
        group.MapPost(AccessApiPaths.SignOut, HandleAsync)
            .WithName("SignOut")
            .WithSummary("Ends the session the refresh token belongs to: its refresh tokens and its access tokens stop working. A refresh token of another (or no) session changes nothing.")
            .WithDescription("Any signed-in caller, for their own sessions. Answers 204 whether or not the token was live.")
            .ProducesValidationProblem();

    private static async Task<NoContent> HandleAsync(
        SignOutRequest request, ClaimsPrincipal caller, AccessDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        if (errors.Require(!string.IsNullOrWhiteSpace(request.RefreshToken), "refreshToken", "refreshToken is required."))
        {
            errors.Require(request.RefreshToken!.Length <= 200, "refreshToken", "refreshToken must be at most 200 characters.");
        }

        errors.ThrowIfAny();

        var hash = RefreshToken.Hash(request.RefreshToken!);
        var accountId = new AccountId(caller.AccountId());
        var familyId = await db.RefreshTokens
            .Where(t => t.TokenHash == hash && t.AccountId == accountId)
            .Select(t => (SessionId?)t.FamilyId)
            .SingleOrDefaultAsync(cancellationToken);
        if (familyId is not null)
        {
            var family = await db.RefreshTokens.Where(t => t.FamilyId == familyId).ToListAsync(cancellationToken);
            await db.RevokeSessionsAsync(family, clock.GetUtcNow(), cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
        }

        return TypedResults.NoContent();
    }
}
