using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using RuralCommerce.Access.Domain.Accounts;
using RuralCommerce.Access.Persistence;
using RuralCommerce.Shared.Infrastructure.Security;
using RuralCommerce.Shared.Infrastructure.Web;
using RuralCommerce.SharedKernel;

namespace RuralCommerce.Access.Features.GrantPlatformRole;

internal sealed record GrantPlatformRoleRequest([property: Required, AllowedValues(PlatformRoles.Admin, PlatformRoles.Trainer)] string? Role);

internal static class GrantPlatformRoleEndpoint
{
    public static void MapGrantPlatformRole(this IEndpointRouteBuilder group) =>
        group.MapPost(AccessApiPaths.PlatformRoles, HandleAsync)
            .RequireAuthorization(AuthorizationPolicies.PlatformAdmin)
            .WithName("GrantPlatformRole")
            .WithSummary("Grants a platform role to a verified account: platform-admin, or trainer (an independent trainer who publishes courses).")
            .WithDescription("Platform administrators only. The account must have verified its phone (409 otherwise); granting a held role changes nothing.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

    internal static async Task<NoContent> HandleAsync(
        Guid accountId, GrantPlatformRoleRequest request, AccessDbContext db, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        errors.Require(PlatformRoles.All.Contains(request.Role), "role", $"role must be one of: {string.Join(", ", PlatformRoles.All)}.");
        errors.ThrowIfAny();

        var id = new AccountId(accountId);
        var account = await db.Accounts.SingleOrDefaultAsync(a => a.Id == id, cancellationToken)
                      ?? throw new NotFoundException("Account", accountId);
        if (!account.IsPhoneVerified)
        {
            throw new ConflictException("PhoneNotVerified", "The account has not verified its phone number yet.");
        }

        account.GrantPlatformRole(request.Role!);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.NoContent();
    }
}
