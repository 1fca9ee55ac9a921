using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using RuralCommerce.Access.Domain.Accounts;
using RuralCommerce.Access.Features.Common;
using RuralCommerce.Access.Persistence;
using RuralCommerce.Shared.Infrastructure.Web;
using RuralCommerce.SharedKernel;

namespace RuralCommerce.Access.Features.SignIn;

internal sealed record SignInRequest(
    [property: Required, MaxLength(32), RegularExpression(ApiPatterns.Phone)] string? Phone,
    [property: Required, MaxLength(PasswordPolicy.MaxLength)] string? Password);

internal static class SignInEndpoint
{
    private const string WrongCredentials = "Wrong phone number or password.";

    // Verified against when the phone is unknown, so both failures take the same time.
    private static readonly string UnknownAccountHash =
        new PasswordHasher<Account>().HashPassword(null!, "no account has this password 7f3c");

    public static void MapSignIn(this IEndpointRouteBuilder group) =>
        group.MapPost(AccessApiPaths.SignIn, HandleAsync)
            .AllowAnonymous()
            .RequireRateLimiting(AccessRateLimits.Credentials)
            .WithName("SignIn")
            .WithSummary("Exchanges phone and password for a short-lived access token and a refresh token.")
            .WithDescription("Wrong password and unknown number answer the same 401. Five failures in a row for a number "
                             + "from one network lock that number there (429 with Retry-After) for a minute, then 2, 4, … "
                             + "up to 30; its owner can still sign in with a texted code (POST /sign-in/code).")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);

    private static async Task<Ok<SessionResponse>> HandleAsync(
        SignInRequest request, HttpContext http, AccessDbContext db, IPasswordHasher<Account> hasher, SessionIssuer sessions,
        CredentialThrottle throttle, CancellationToken cancellationToken) =>
        TypedResults.Ok(await sessions.StartAsync(await AuthenticateAsync(request, http, db, hasher, throttle, cancellationToken), cancellationToken));

    /// <summary>The account whose phone and password these are (the sign-in page starts a cookie session with it).</summary>
    internal static async Task<Account> AuthenticateAsync(
        SignInRequest request, HttpContext http, AccessDbContext db, IPasswordHasher<Account> hasher, CredentialThrottle throttle,
        CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var phone = errors.RequirePhone(request.Phone);
        PasswordPolicy.RequireGiven(request.Password, "password", errors);
        errors.ThrowIfAny();

        var clientAddress = ClientAddress.Of(http);
        throttle.BeforePasswordAttempt(phone, clientAddress);
        var account = await db.Accounts.SingleOrDefaultAsync(a => a.Phone == phone, cancellationToken);
        if (account is null)
        {
            hasher.VerifyHashedPassword(null!, UnknownAccountHash, request.Password!);
        }

        var verdict = account is null
            ? PasswordVerificationResult.Failed
            : hasher.VerifyHashedPassword(account, account.PasswordHash, request.Password!);
        if (account is null || verdict == PasswordVerificationResult.Failed)
        {
            throttle.RecordPasswordFailure(phone, clientAddress);
            throw new AuthenticationFailedException(WrongCredentials);
        }

        if (verdict == PasswordVerificationResult.SuccessRehashNeeded)
        {
            account.ChangePassword(hasher.HashPassword(account, request.Password!));
        }

        throttle.RecordSuccess(phone, clientAddress);
        return account;
    }
}
