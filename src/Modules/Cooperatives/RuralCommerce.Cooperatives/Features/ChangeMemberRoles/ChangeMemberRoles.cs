using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using RuralCommerce.Cooperatives.Contracts;
using RuralCommerce.Cooperatives.Features.Common;
using RuralCommerce.Cooperatives.Persistence;
using RuralCommerce.Shared.Infrastructure.Security;
using RuralCommerce.Shared.Infrastructure.Web;

namespace RuralCommerce.Cooperatives.Features.ChangeMemberRoles;

internal sealed record GrantRoleRequest(
    [property: Required, OneOfNames(typeof(MemberRoles))] string? Role);

internal static class ChangeMemberRolesEndpoints
{
    public static void MapChangeMemberRoles(this IEndpointRouteBuilder group)
    {
        group.MapPost(CooperativesApiPaths.MemberRoles, GrantAsync)
            .RequireAuthorization(AuthorizationPolicies.CooperativeAdmin)
            .WithName("GrantMemberRole")
            .WithSummary("Grants a role (Admin, Seller, LivestreamHost, Trainer) to an active member. Granting a held role changes nothing.")
            .WithDescription("Cooperative administrators. The new role reaches the member's token at its next refresh.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        group.MapDelete(CooperativesApiPaths.MemberRole, RevokeAsync)
            .RequireAuthorization(AuthorizationPolicies.CooperativeAdmin)
            .WithName("RevokeMemberRole")
            .WithSummary("Revokes a role. The last administrator cannot lose the Admin role.")
            .WithDescription("Cooperative administrators. Revoking the Admin role of the last active administrator answers 409 (CooperativeKeepsAtLeastOneAdminRule).")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
    }

    internal static async Task<Ok<MemberResponse>> GrantAsync(
        Guid cooperativeId, Guid memberId, GrantRoleRequest request, CooperativesDbContext db, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var role = errors.RequireRole(request.Role);
        errors.ThrowIfAny();
        var cooperative = await db.FindCooperativeAsync(cooperativeId, cancellationToken);
        var member = await db.FindMemberAsync(cooperativeId, memberId, cancellationToken);
        member.GrantRole(cooperative, role!);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(member.ToResponse());
    }

    internal static async Task<Ok<MemberResponse>> RevokeAsync(
        Guid cooperativeId, Guid memberId, [OneOfNames(typeof(MemberRoles))] string role, CooperativesDbContext db, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        errors.RequireRole(role);
        errors.ThrowIfAny();
        var cooperative = await db.FindCooperativeAsync(cooperativeId, cancellationToken);
        var member = await db.FindMemberAsync(cooperativeId, memberId, cancellationToken);
        member.RevokeRole(cooperative, role);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(member.ToResponse());
    }
}
