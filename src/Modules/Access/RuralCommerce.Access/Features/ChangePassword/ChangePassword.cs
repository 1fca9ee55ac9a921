using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using RuralCommerce.Access.Domain.Accounts;
using RuralCommerce.Access.Features.Common;
using RuralCommerce.Access.Persistence;
using RuralCommerce.Shared.Infrastructure.Security;
using RuralCommerce.Shared.Infrastructure.Web;
using RuralCommerce.SharedKernel;

namespace RuralCommerce.Access.Features.ChangePassword;

internal sealed record ChangePasswordRequest(
    [property: Required, MaxLength(PasswordPolicy.MaxLength)] string? CurrentPassword,
    [property: Required, MinLength(8), MaxLength(PasswordPolicy.MaxLength)] string? NewPassword);

internal static class ChangePasswordEndpoint
{
    public static void MapChangePassword(this IEndpointRouteBuilder group) =>
        group.MapPost(AccessApiPaths.MyPassword, HandleAsync)
            .RequireRateLimiting(AccessRateLimits.Credentials)
            .WithName("ChangePassword")
            .WithSummary("Changes the caller's password and ends every session, this one included: sign in again with the new password.")
            .WithDescription("A wrong current password counts toward the same lock-out as a wrong password at sign-in (429 with Retry-After).")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status429TooManyRequests);

    internal static async Task<NoContent> HandleAsync(
        ChangePasswordRequest request, ClaimsPrincipal caller, HttpContext http, AccessDbContext db, IPasswordHasher<Account> hasher,
        CredentialThrottle throttle, TimeProvider clock, CancellationToken cancellationToken)
    {
        var accountId = new AccountId(caller.AccountId());
        var account = await db.Accounts.SingleOrDefaultAsync(a => a.Id == accountId, cancellationToken)
                      ?? throw new NotFoundException("Account", accountId.Value);

        var errors = new ValidationErrors();
        PasswordPolicy.RequireGiven(request.CurrentPassword, "currentPassword", errors);
        PasswordPolicy.Check(request.NewPassword, account.Phone, "newPassword", errors);
        errors.Require(request.NewPassword != request.CurrentPassword, "newPassword", "Choose a password you have not just used.");
        errors.ThrowIfAny();

        // A stolen token must not become a way to guess the password: wrong guesses lock like sign-in's.
        var clientAddress = ClientAddress.Of(http);
        throttle.BeforePasswordAttempt(account.Phone, clientAddress);
        if (hasher.VerifyHashedPassword(account, account.PasswordHash, request.CurrentPassword!) == PasswordVerificationResult.Failed)
        {
            throttle.RecordPasswordFailure(account.Phone, clientAddress);
            throw new RequestValidationException("currentPassword", "The current password is wrong.");
        }

        throttle.RecordSuccess(account.Phone, clientAddress);
        account.ChangePassword(hasher.HashPassword(account, request.NewPassword!));
        await db.EndAllSessionsAsync(accountId, clock.GetUtcNow(), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.NoContent();
    }
}
