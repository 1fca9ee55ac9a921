using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Routing;
using RuralCommerce.Access.Domain.Accounts;
using RuralCommerce.Access.Features.Common;
using RuralCommerce.Access.Persistence;
using RuralCommerce.Shared.Infrastructure.Web;
using RuralCommerce.SharedKernel;

namespace RuralCommerce.Access.Features.ResetPassword;

internal sealed record ResetPasswordRequest(
    [property: Required, MaxLength(32), RegularExpression(ApiPatterns.Phone)] string? Phone,
    [property: Required, RegularExpression(ApiPatterns.OneTimeCode)] string? Code,
    [property: Required, MinLength(8), MaxLength(PasswordPolicy.MaxLength)] string? NewPassword);

internal static class ResetPasswordEndpoint
{
    public static void MapResetPassword(this IEndpointRouteBuilder group) =>
        group.MapPost(AccessApiPaths.PasswordReset, HandleAsync)
            .AllowAnonymous()
            .RequireRateLimiting(AccessRateLimits.Credentials)
            .WithName("ResetPassword")
            .WithSummary("Chooses a new password with a code texted to the number (POST /phone-verification/code), and ends every session of the account.")
            .WithDescription("Proves the number too: an unconfirmed registration becomes its owner's, whoever registered it. "
                             + "Wrong codes count toward the same lock-out as wrong passwords.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status429TooManyRequests);

    internal static async Task<NoContent> HandleAsync(
        ResetPasswordRequest request, HttpContext http, AccessDbContext db, OneTimeCodes codes, CredentialThrottle throttle,
        IPasswordHasher<Account> hasher, TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var phone = errors.RequirePhone(request.Phone);
        var code = OneTimeCodes.RequireCode(errors, request.Code);
        if (errors.IsEmpty)
        {
            PasswordPolicy.Check(request.NewPassword, phone, "newPassword", errors);
        }

        errors.ThrowIfAny();
        var clientAddress = ClientAddress.Of(http);
        throttle.BeforeCodeAttempt(phone, clientAddress);
        var (account, verification) = await codes.ProveAsync(phone, code, clientAddress, cancellationToken)
                                      ?? throw new RequestValidationException("code", OneTimeCodes.WrongCode);

        var now = clock.GetUtcNow();
        verification.Consume(now);
        account.ResetPasswordByPhoneHolder(hasher.HashPassword(account, request.NewPassword!));
        await db.EndAllSessionsAsync(account.Id, now, cancellationToken);
        await db.ConfirmPhoneAsync(account, now, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        throttle.RecordSuccess(phone, clientAddress);
        return TypedResults.NoContent();
    }
}
