using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using RuralCommerce.Cooperatives.Features.Common;
using RuralCommerce.Cooperatives.Persistence;
using RuralCommerce.Shared.Infrastructure.Security;

namespace RuralCommerce.Cooperatives.Features.GetMember;

internal static class GetMemberEndpoint
{
    public static void MapGetMember(this IEndpointRouteBuilder group) =>
        group.MapGet(CooperativesApiPaths.Member, HandleAsync)
            .RequireAuthorization(AuthorizationPolicies.CooperativeMember)
            .WithName("GetMember")
            .WithSummary("One member: administrators see anyone in their cooperative, members see themselves.")
            .WithDescription("A member of another cooperative, or another member without the Admin role, gets 403; ID card numbers are masked.")
            .ProducesProblem(StatusCodes.Status404NotFound);

    internal static async Task<Ok<MemberResponse>> HandleAsync(
        Guid cooperativeId, Guid memberId, ClaimsPrincipal caller, CooperativesDbContext db, CancellationToken cancellationToken)
    {
        caller.EnsureAdminOrSelf(cooperativeId, memberId);
        return TypedResults.Ok((await db.FindMemberAsync(cooperativeId, memberId, cancellationToken)).ToResponse());
    }
}
