using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using RuralCommerce.Access.Domain.Accounts;
using RuralCommerce.Access.Domain.Sessions;
using RuralCommerce.Access.Infrastructure;
using RuralCommerce.Access.Persistence;
using RuralCommerce.Shared.Infrastructure.Web;
using RuralCommerce.SharedKernel;

namespace RuralCommerce.Access.Features.SignIn;

internal sealed record SignInRequest(string? Phone, string? Password);

internal static class SignInEndpoint
{
    private const string WrongCredentials = "Wrong phone number or password.";

    // Verified against when the phone is unknown, so both failures take the same time.
    private static readonly string UnknownAccountHash =
        new PasswordHasher<Account>().HashPassword(null!, "no account has this password 7f3c");

    public static void MapSignIn(this IEndpointRouteBuilder group) =>
        group.MapPost("/sign-in", HandleAsync)
            .AllowAnonymous()
            .RequireRateLimiting(AccessRateLimits.Credentials)
            .WithName("SignIn")
            .WithSummary("Exchanges phone and password for a short-lived access token and a refresh token.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);

    private static async Task<Ok<SessionResponse>> HandleAsync(
        SignInRequest request, AccessDbContext db, IPasswordHasher<Account> hasher, SessionIssuer sessions,
        IOptions<AccessOptions> options, TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var phone = errors.RequirePhone(request.Phone);
        errors.Require(!string.IsNullOrEmpty(request.Password), "password", "password is required.");
        errors.ThrowIfAny();

        var settings = options.Value;
        var now = clock.GetUtcNow();
        var account = await db.Accounts.SingleOrDefaultAsync(a => a.Phone == phone, cancellationToken);
        if (account is null)
        {
            hasher.VerifyHashedPassword(null!, UnknownAccountHash, request.Password!);
            throw new AuthenticationFailedException(WrongCredentials);
        }

        ThrowIfLockedOut(account, now);
        var verdict = hasher.VerifyHashedPassword(account, account.PasswordHash, request.Password!);
        if (verdict == PasswordVerificationResult.Failed)
        {
            account.RecordFailedSignIn(now, settings.MaxFailedSignIns, settings.LockoutDuration);
            await db.SaveChangesAsync(cancellationToken);
            ThrowIfLockedOut(account, now);
            throw new AuthenticationFailedException(WrongCredentials);
        }

        if (verdict == PasswordVerificationResult.SuccessRehashNeeded)
        {
            account.ChangePassword(hasher.HashPassword(account, request.Password!));
        }

        account.RecordSuccessfulSignIn(now);
        var (refreshToken, value) = RefreshToken.StartFamily(account.Id, now, settings.RefreshTokenLifetime, clock);
        db.RefreshTokens.Add(refreshToken);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(await sessions.IssueAsync(account, refreshToken, value, cancellationToken));
    }

    private static void ThrowIfLockedOut(Account account, DateTimeOffset now)
    {
        if (account.IsLockedOutAt(now))
        {
            throw new TooManyAttemptsException(
                "The account is locked after repeated failed sign-ins. Try again later.", account.LockedUntil!.Value - now);
        }
    }
}
