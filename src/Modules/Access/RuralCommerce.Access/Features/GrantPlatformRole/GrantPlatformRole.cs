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

/// <summary>role: platform-admin, trainer or county-officer; a county officer also names the province and county they serve.</summary>
internal sealed record GrantPlatformRoleRequest(
    [property: Required, OneOfNames(typeof(PlatformRoles))] string? Role,
    [property: MaxLength(50)] string? Province = null,
    [property: MaxLength(50)] string? County = null);

internal static class GrantPlatformRoleEndpoint
{
    public static void MapGrantPlatformRole(this IEndpointRouteBuilder group) =>
        group.MapPost(AccessApiPaths.PlatformRoles, HandleAsync)
            .RequireAuthorization(AuthorizationPolicies.PlatformAdmin)
            .WithName("GrantPlatformRole")
            .WithSummary("Grants a platform role to a verified account: platform-admin, trainer (an independent trainer who publishes courses) " +
                "or county-officer (reads one county's income report).")
            .WithDescription("Platform administrators only. A county officer's grant names the province and county as cooperatives register " +
                "them (both required; an officer may serve several counties). The account must have verified its phone (409 otherwise); " +
                "granting a held role changes nothing.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

    internal static async Task<NoContent> HandleAsync(
        Guid accountId, GrantPlatformRoleRequest request, AccessDbContext db, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        errors.Require(PlatformRoles.All.Contains(request.Role), "role", $"role must be one of: {string.Join(", ", PlatformRoles.All)}.");
        var role = request.Role!;
        if (request.Role == PlatformRoles.CountyOfficer)
        {
            var province = errors.RequireText(request.Province, "province", 50);
            var county = errors.RequireText(request.County, "county", 50);
            errors.Require(!$"{province}{county}".Contains(RoleSet.Delimiter, StringComparison.Ordinal) && !province.Contains('/', StringComparison.Ordinal),
                "county", "province and county may not contain ',' and the province not '/'.");
            role = PlatformRoles.CountyOfficerOf(province, county);
        }

        errors.ThrowIfAny();

        var id = new AccountId(accountId);
        var account = await db.Accounts.SingleOrDefaultAsync(a => a.Id == id, cancellationToken)
                      ?? throw new NotFoundException("Account", accountId);
        if (!account.IsPhoneVerified)
        {
            throw new ConflictException("PhoneNotVerified", "The account has not verified its phone number yet.");
        }

        account.GrantPlatformRole(role);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.NoContent();
    }
}
