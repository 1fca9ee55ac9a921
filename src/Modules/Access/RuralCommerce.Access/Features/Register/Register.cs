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

namespace RuralCommerce.Access.Features.Register;

internal sealed record RegisterRequest(
    [property: Required, MaxLength(32), RegularExpression(ApiPatterns.Phone)] string? Phone,
    [property: Required, MaxLength(100)] string? DisplayName,
    [property: Required, MinLength(8), MaxLength(PasswordPolicy.MaxLength)] string? Password);

internal sealed record RegisterResponse(string Phone);

internal static class RegisterEndpoint
{
    public static void MapRegister(this IEndpointRouteBuilder group) =>
        group.MapPost(AccessApiPaths.Register, HandleAsync)
            .AllowAnonymous()
            .RequireRateLimiting(AccessRateLimits.Credentials)
            .WithName("Register")
            .WithSummary("Registers a mobile number with a password and texts it a code; confirm with POST /phone-verification.")
            .WithDescription("Answers 202 the same way whether the number is new, registered but never verified, or already an "
                             + "account's, so numbers cannot be probed. A registration that was never verified is replaced, "
                             + "and its sessions end: a stranger cannot hold a number before its owner. A verified number "
                             + "stays as it is; its owner gets a code to sign in with or to choose a new password.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status429TooManyRequests);

    internal static async Task<Accepted<RegisterResponse>> HandleAsync(
        RegisterRequest request, AccessDbContext db, IPasswordHasher<Account> hasher, OneTimeCodes codes,
        TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var phone = errors.RequirePhone(request.Phone);
        var displayName = errors.RequireText(request.DisplayName, "displayName", 100);
        if (errors.IsEmpty)
        {
            PasswordPolicy.Check(request.Password, phone, "password", errors);
        }

        errors.ThrowIfAny();
        var now = clock.GetUtcNow();
        var existing = await db.Accounts.SingleOrDefaultAsync(a => a.Phone == phone, cancellationToken);
        if (existing is null || !existing.IsPhoneVerified)
        {
            if (existing is not null)
            {
                // Whoever registered this number before never proved they hold it: their registration goes.
                await db.EndAllSessionsAsync(existing.Id, now, cancellationToken);
                db.Accounts.Remove(existing);
            }

            var account = Account.Register(new AccountId(NewId.Next(clock)), phone, displayName, "", now);
            account.ChangePassword(hasher.HashPassword(account, request.Password!));
            db.Accounts.Add(account);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException)
            {
                // Another registration of this number was saved at the same moment and won; answer as if this one had.
                db.ChangeTracker.Clear();
            }
        }

        await codes.SendUnlessThrottledAsync(phone, cancellationToken);
        return TypedResults.Accepted((string?)null, new RegisterResponse(phone.Value));
    }
}
