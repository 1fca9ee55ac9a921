using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using RuralCommerce.Access.Features.Common;
using RuralCommerce.Access.Persistence;
using RuralCommerce.Shared.Infrastructure.Web;

namespace RuralCommerce.Access.Features.RequestVerificationCode;

internal sealed record RequestVerificationCodeRequest([property: Required, MaxLength(32), RegularExpression(ApiPatterns.Phone)] string? Phone);

internal static class RequestVerificationCodeEndpoint
{
    public static void MapRequestVerificationCode(this IEndpointRouteBuilder group) =>
        group.MapPost(AccessApiPaths.PhoneVerificationCode, HandleAsync)
            .AllowAnonymous()
            .RequireRateLimiting(AccessRateLimits.Credentials)
            .WithName("RequestVerificationCode")
            .WithSummary("Texts a one-time code to the number: to verify it, to sign in with it, or to choose a new password.")
            .WithDescription("Answers 202 whether or not the number has an account (only an account's number is texted). "
                             + "One code per number per minute and a few per hour, for every number alike: 429 with Retry-After.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status429TooManyRequests);

    private static async Task<Accepted> HandleAsync(
        RequestVerificationCodeRequest request, AccessDbContext db, CredentialThrottle throttle, OneTimeCodes codes,
        CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var phone = errors.RequirePhone(request.Phone);
        errors.ThrowIfAny();

        // The limit applies to every number, so its answer cannot tell which numbers have accounts.
        if (!throttle.TryReserveCode(phone, out var retryAfter))
        {
            throw new SharedKernel.TooManyAttemptsException("A code was sent to this number moments ago; wait before asking for another.", retryAfter);
        }

        if (await db.Accounts.AnyAsync(a => a.Phone == phone, cancellationToken))
        {
            await codes.IssueAsync(phone, cancellationToken);
        }

        return TypedResults.Accepted((string?)null);
    }
}
