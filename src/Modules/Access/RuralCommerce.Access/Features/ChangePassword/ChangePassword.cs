using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using RuralCommerce.Access.Domain.Accounts;
using RuralCommerce.Access.Infrastructure;
using RuralCommerce.Access.Persistence;
using RuralCommerce.Shared.Infrastructure.Security;
using RuralCommerce.Shared.Infrastructure.Web;
using RuralCommerce.SharedKernel;

namespace RuralCommerce.Access.Features.ChangePassword;

internal sealed record ChangePasswordRequest(string? CurrentPassword, string? NewPassword);

internal static class ChangePasswordEndpoint
{
    public static void MapChangePassword(this IEndpointRouteBuilder group) =>
        group.MapPost("/me/password", HandleAsync)
            .WithName("ChangePassword")
            .WithSummary("Changes the caller's password and ends every session, this one included: sign in again with the new password.")
            .ProducesValidationProblem();

    private static async Task<NoContent> HandleAsync(
        ChangePasswordRequest request, ClaimsPrincipal caller, AccessDbContext db, IPasswordHasher<Account> hasher,
        TimeProvider clock, CancellationToken cancellationToken)
    {
        var accountId = new AccountId(caller.AccountId());
        var account = await db.Accounts.SingleOrDefaultAsync(a => a.Id == accountId, cancellationToken)
                      ?? throw new NotFoundException("Account", accountId.Value);

        var errors = new ValidationErrors();
        var currentIsRight = !string.IsNullOrEmpty(request.CurrentPassword)
                             && hasher.VerifyHashedPassword(account, account.PasswordHash, request.CurrentPassword) != PasswordVerificationResult.Failed;
        errors.Require(currentIsRight, "currentPassword", "The current password is wrong.");
        PasswordPolicy.Check(request.NewPassword, account.Phone, "newPassword", errors);
        errors.Require(request.NewPassword != request.CurrentPassword, "newPassword", "Choose a password you have not just used.");
        errors.ThrowIfAny();

        account.ChangePassword(hasher.HashPassword(account, request.NewPassword!));
        var live = await db.RefreshTokens.Where(t => t.AccountId == accountId && t.RevokedAt == null).ToListAsync(cancellationToken);
        await db.RevokeSessionsAsync(live, clock.GetUtcNow(), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.NoContent();
    }
}
