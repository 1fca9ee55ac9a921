using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using RuralCommerce.Access.Domain.Accounts;
using RuralCommerce.Access.Features.RequestVerificationCode;
using RuralCommerce.Access.Infrastructure;
using RuralCommerce.Access.Persistence;
using RuralCommerce.Shared.Infrastructure.Web;
using RuralCommerce.SharedKernel;

namespace RuralCommerce.Access.Features.Register;

internal sealed record RegisterRequest(string? Phone, string? DisplayName, string? Password);

internal sealed record RegisterResponse(Guid AccountId, string Phone, bool PhoneVerified);

internal static class RegisterEndpoint
{
    public static void MapRegister(this IEndpointRouteBuilder group) =>
        group.MapPost("/register", HandleAsync)
            .AllowAnonymous()
            .RequireRateLimiting(AccessRateLimits.Credentials)
            .WithName("Register")
            .WithSummary("Creates an account for a mobile number and texts it a verification code.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);

    private static async Task<Created<RegisterResponse>> HandleAsync(
        RegisterRequest request, AccessDbContext db, IPasswordHasher<Account> hasher, VerificationCodeSender codes,
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
        if (await db.Accounts.AnyAsync(a => a.Phone == phone, cancellationToken))
        {
            throw DuplicatePhone();
        }

        var account = Account.Register(new AccountId(NewId.Next(clock)), phone, displayName, "", clock.GetUtcNow());
        account.ChangePassword(hasher.HashPassword(account, request.Password!));
        db.Accounts.Add(account);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Two registrations of one number at once: the unique index let only the first through.
            db.ChangeTracker.Clear();
            if (await db.Accounts.AnyAsync(a => a.Phone == phone, cancellationToken))
            {
                throw DuplicatePhone();
            }

            throw;
        }

        await codes.SendAsync(phone, cancellationToken);
        return TypedResults.Created((string?)null, new RegisterResponse(account.Id.Value, phone.Value, PhoneVerified: false));
    }

    private static ConflictException DuplicatePhone() => new("An account with this phone number already exists.");
}
