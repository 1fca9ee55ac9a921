using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Riok.Mapperly.Abstractions;
using RuralCommerce.Cooperatives.Domain.Cooperatives;
using RuralCommerce.Cooperatives.Features.Common;
using RuralCommerce.Cooperatives.Persistence;
using RuralCommerce.Shared.Infrastructure.Security;
using RuralCommerce.SharedKernel;

namespace RuralCommerce.Cooperatives.Features.GetCooperative;

internal static class GetCooperativeEndpoint
{
    public static void MapGetCooperative(this IEndpointRouteBuilder group) =>
        group.MapGet(CooperativesApiPaths.Cooperative, HandleAsync)
            .RequireAuthorization(AuthorizationPolicies.CooperativeMember)
            .WithName("GetCooperative")
            .WithSummary("One cooperative, for its members and platform administrators.")
            .WithDescription("Members of the cooperative and platform administrators; anyone else gets 403.")
            .ProducesProblem(StatusCodes.Status404NotFound);

    internal static async Task<Ok<CooperativeResponse>> HandleAsync(Guid cooperativeId, CooperativesDbContext db, CancellationToken cancellationToken) =>
        TypedResults.Ok(CooperativeResponse.From(await db.FindCooperativeAsync(cooperativeId, cancellationToken)));
}
