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

namespace RuralCommerce.Access.Features.VerifyPhone;

internal sealed record VerifyPhoneRequest(
    [property: Required, MaxLength(32), RegularExpression(ApiPatterns.Phone)] string? Phone,
    [property: Required, RegularExpression(ApiPatterns.OneTimeCode)] string? Code,
    [property: Required, MaxLength(PasswordPolicy.MaxLength)] string? Password);

internal static class VerifyPhoneEndpoint
{
    public static void MapVerifyPhone(this IEndpointRouteBuilder group) =>
        group.MapPost(AccessApiPaths.PhoneVerification, HandleAsync)
            .AllowAnonymous()
            .RequireRateLimiting(AccessRateLimits.Credentials)
            .WithName("VerifyPhone")
            .WithSummary("Confirms a registration: the texted code proves the phone, the password chosen at registration proves the account.")
            .WithDescription("Links the cooperative memberships held under the number. A right code with a wrong password "
                             + "verifies nothing (the code stays usable); wrong codes and passwords count toward the lock-out.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status429TooManyRequests);

    internal static async Task<NoContent> HandleAsync(
        VerifyPhoneRequest request, HttpContext http, AccessDbContext db, OneTimeCodes codes, CredentialThrottle throttle,
        IPasswordHasher<Account> hasher, TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var phone = errors.RequirePhone(request.Phone);
        var code = OneTimeCodes.RequireCode(errors, request.Code);
        PasswordPolicy.RequireGiven(request.Password, "password", errors);
        errors.ThrowIfAny();

        var clientAddress = ClientAddress.Of(http);
        throttle.BeforePasswordAttempt(phone, clientAddress);
        var (account, verification) = await codes.ProveAsync(phone, code, clientAddress, cancellationToken)
                                      ?? throw new SharedKernel.RequestValidationException("code", OneTimeCodes.WrongCode);

        if (hasher.VerifyHashedPassword(account, account.PasswordHash, request.Password!) == PasswordVerificationResult.Failed)
        {
            throttle.RecordPasswordFailure(phone, clientAddress);
            throw new SharedKernel.RequestValidationException("password", "This is not the password chosen when the number was registered.");
        }

        var now = clock.GetUtcNow();
        verification.Consume(now);
        await db.ConfirmPhoneAsync(account, now, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        throttle.RecordSuccess(phone, clientAddress);
        return TypedResults.NoContent();
    }
}
