using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using RuralCommerce.Access.Persistence;
using RuralCommerce.Shared.Infrastructure.Web;

namespace RuralCommerce.Access.Features.VerifyPhone;

internal sealed record VerifyPhoneRequest(string? Phone, string? Code);

internal static class VerifyPhoneEndpoint
{
    private const string WrongCode = "The code is wrong or has expired. Ask for a new one.";

    public static void MapVerifyPhone(this IEndpointRouteBuilder group) =>
        group.MapPost("/phone-verification", HandleAsync)
            .AllowAnonymous()
            .RequireRateLimiting(AccessRateLimits.Credentials)
            .WithName("VerifyPhone")
            .WithSummary("Proves the account owns its phone with the texted code, and links the cooperative memberships held under that number.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status429TooManyRequests);

    private static async Task<NoContent> HandleAsync(
        VerifyPhoneRequest request, AccessDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var phone = errors.RequirePhone(request.Phone);
        errors.Require(!string.IsNullOrWhiteSpace(request.Code), "code", "code is required.");
        errors.ThrowIfAny();

        var now = clock.GetUtcNow();
        var account = await db.Accounts.SingleOrDefaultAsync(a => a.Phone == phone, cancellationToken);
        var verification = await db.PhoneVerifications
            .Where(v => v.Phone == phone && v.ConsumedAt == null)
            .OrderByDescending(v => v.CreatedAt)
            .FirstOrDefaultAsync(cancellationToken);
        if (account is null || verification is null || !verification.TryConsume(request.Code!.Trim(), now))
        {
            // A wrong guess still counts against the code.
            await db.SaveChangesAsync(cancellationToken);
            errors.Add("code", WrongCode);
            errors.ThrowIfAny();
        }

        account!.VerifyPhone(now);
        var unlinked = await db.Memberships.Where(m => m.Phone == phone && m.AccountId == null).ToListAsync(cancellationToken);
        foreach (var membership in unlinked)
        {
            membership.TryLinkTo(account, now);
        }

        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.NoContent();
    }
}
