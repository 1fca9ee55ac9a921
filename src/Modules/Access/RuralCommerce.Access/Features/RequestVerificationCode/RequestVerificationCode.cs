using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using RuralCommerce.Access.Features.Common;
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
        RequestVerificationCodeRequest request, OneTimeCodes codes, CancellationToken cancellationToken)
    {
        await codes.RequestAsync(request.Phone, cancellationToken);
        return TypedResults.Accepted((string?)null);
    }
}
