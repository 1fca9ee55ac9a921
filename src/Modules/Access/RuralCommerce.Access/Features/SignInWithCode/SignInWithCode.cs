using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using RuralCommerce.Access.Features.Common;
using RuralCommerce.Shared.Infrastructure.Web;
using RuralCommerce.SharedKernel;

namespace RuralCommerce.Access.Features.SignInWithCode;

internal sealed record SignInWithCodeRequest(
    [property: Required, MaxLength(32), RegularExpression(ApiPatterns.Phone)] string? Phone,
    [property: Required, RegularExpression(ApiPatterns.OneTimeCode)] string? Code);

internal static class SignInWithCodeEndpoint
{
    public static void MapSignInWithCode(this IEndpointRouteBuilder group) =>
        group.MapPost(AccessApiPaths.SignInWithCode, HandleAsync)
            .AllowAnonymous()
            .RequireRateLimiting(AccessRateLimits.Credentials)
            .WithName("SignInWithCode")
            .WithSummary("Signs in with a code texted to a verified number (POST /phone-verification/code): the owner of a phone always gets in.")
            .WithDescription("Wrong codes count toward the same lock-out as wrong passwords. A number whose registration was never "
                             + "verified answers 409: confirm it with its password, or choose a new password with the code.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);

    private static async Task<Ok<SessionResponse>> HandleAsync(
        SignInWithCodeRequest request, HttpContext http, OneTimeCodes codes, CredentialThrottle throttle,
        SessionIssuer sessions, TimeProvider clock, CancellationToken cancellationToken) =>
        TypedResults.Ok(await sessions.StartAsync(await AuthenticateAsync(request, http, codes, throttle, clock, cancellationToken), cancellationToken));

    /// <summary>The verified account the texted code proves (its use is saved with the session that starts next).</summary>
    internal static async Task<Domain.Accounts.Account> AuthenticateAsync(
        SignInWithCodeRequest request, HttpContext http, OneTimeCodes codes, CredentialThrottle throttle, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var phone = errors.RequirePhone(request.Phone);
        var code = OneTimeCodes.RequireCode(errors, request.Code);
        errors.ThrowIfAny();

        var clientAddress = ClientAddress.Of(http);
        throttle.BeforeCodeAttempt(phone, clientAddress);
        var (account, verification) = await codes.ProveAsync(phone, code, clientAddress, cancellationToken)
                                      ?? throw new AuthenticationFailedException("Wrong phone number or code.");

        if (!account.IsPhoneVerified)
        {
            // Signing in would hand the owner an account whose password someone else may have chosen; the code stays usable.
            throw new ConflictException(
                "PhoneNotVerified",
                "This number's registration was never confirmed. Confirm it with its password, or choose a new password with this code.");
        }

        verification.Consume(clock.GetUtcNow());
        throttle.RecordSuccess(phone, clientAddress);
        return account;
    }
}
