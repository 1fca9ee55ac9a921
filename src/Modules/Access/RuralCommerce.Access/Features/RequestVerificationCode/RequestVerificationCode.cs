using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using RuralCommerce.Access.Domain.Accounts;
using RuralCommerce.Access.Infrastructure;
using RuralCommerce.Access.Persistence;
using RuralCommerce.Shared.Infrastructure.Messaging;
using RuralCommerce.Shared.Infrastructure.Web;
using RuralCommerce.SharedKernel;

namespace RuralCommerce.Access.Features.RequestVerificationCode;

internal sealed record RequestVerificationCodeRequest(string? Phone);

internal static class RequestVerificationCodeEndpoint
{
    public static void MapRequestVerificationCode(this IEndpointRouteBuilder group) =>
        group.MapPost("/phone-verification/code", HandleAsync)
            .AllowAnonymous()
            .RequireRateLimiting(AccessRateLimits.Credentials)
            .WithName("RequestVerificationCode")
            .WithSummary("Texts a new one-time code to the account's phone. Answers 202 whether or not the number has an account.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status429TooManyRequests);

    private static async Task<Accepted> HandleAsync(
        RequestVerificationCodeRequest request, AccessDbContext db, VerificationCodeSender codes, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var phone = errors.RequirePhone(request.Phone);
        errors.ThrowIfAny();

        // Only unverified accounts get codes; the answer is the same either way so numbers cannot be probed.
        if (await db.Accounts.AnyAsync(a => a.Phone == phone && a.PhoneVerifiedAt == null, cancellationToken))
        {
            await codes.SendAsync(phone, cancellationToken);
        }

        return TypedResults.Accepted((string?)null);
    }
}

/// <summary>Issues a code (at most one per cooldown per phone), stores its hash, and texts it.</summary>
internal sealed class VerificationCodeSender(AccessDbContext db, ISmsSender sms, IOptions<AccessOptions> options, TimeProvider clock)
{
    public async Task SendAsync(PhoneNumber phone, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var settings = options.Value;
        var last = await db.PhoneVerifications.AsNoTracking()
            .Where(v => v.Phone == phone)
            .OrderByDescending(v => v.CreatedAt)
            .Select(v => (DateTimeOffset?)v.CreatedAt)
            .FirstOrDefaultAsync(cancellationToken);
        if (last is { } sentAt && sentAt + settings.VerificationCodeCooldown > now)
        {
            throw new TooManyAttemptsException(
                "A code was sent to this number moments ago; wait before asking for another.",
                sentAt + settings.VerificationCodeCooldown - now);
        }

        var (verification, code) = PhoneVerification.Issue(phone, now, settings.VerificationCodeLifetime, clock);
        db.PhoneVerifications.Add(verification);
        await db.SaveChangesAsync(cancellationToken);
        await sms.SendAsync(phone, $"RuralCommerce verification code: {code}. It expires in {settings.VerificationCodeLifetime.TotalMinutes:0} minutes.", cancellationToken);
    }
}
