using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using RuralCommerce.Cooperatives.Domain.Cooperatives;
using RuralCommerce.Cooperatives.Features.Common;
using RuralCommerce.Cooperatives.Persistence;
using RuralCommerce.Shared.Infrastructure.Security;

namespace RuralCommerce.Cooperatives.Features.ChangeCooperativeStatus;

/// <summary>Suspend and reinstate: the platform's reversible decisions about a whole cooperative (dissolving has its own use case).</summary>
internal static class ChangeCooperativeStatusEndpoints
{
    public static readonly Action<Cooperative> Suspend = c => c.Suspend();
    public static readonly Action<Cooperative> Reinstate = c => c.Reinstate();

    public static async Task<CooperativeResponse> RunAsync(
        CooperativesDbContext db, Guid cooperativeId, Action<Cooperative> change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        var cooperative = await db.FindCooperativeAsync(cooperativeId, cancellationToken);
        change(cooperative);
        await db.SaveChangesAsync(cancellationToken);
        return CooperativeResponse.From(cooperative);
    }

    public static void MapChangeCooperativeStatus(this IEndpointRouteBuilder group)
    {
        Map(group, CooperativesApiPaths.SuspendCooperative, "SuspendCooperative", "Suspends a cooperative: no membership, share or dues changes until reinstated.", Suspend);
        Map(group, CooperativesApiPaths.ReinstateCooperative, "ReinstateCooperative", "Reinstates a suspended cooperative.", Reinstate);
    }

    private static void Map(IEndpointRouteBuilder group, string route, string name, string summary, Action<Cooperative> change) =>
        group.MapPost(route, async (Guid cooperativeId, CooperativesDbContext db, CancellationToken cancellationToken) =>
                TypedResults.Ok(await RunAsync(db, cooperativeId, change, cancellationToken)))
            .RequireAuthorization(AuthorizationPolicies.PlatformAdmin)
            .WithName(name)
            .WithSummary(summary)
            .WithDescription("Platform administrators only. A change the cooperative's status does not allow answers 409 with the rule's name.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
}
