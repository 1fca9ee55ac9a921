using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using RuralCommerce.Catalog.Domain.Livestreams;
using RuralCommerce.Catalog.Features.Common;
using RuralCommerce.Catalog.Persistence;
using RuralCommerce.Shared.Infrastructure.Security;

namespace RuralCommerce.Catalog.Features.RunLivestream;

internal static class RunLivestreamEndpoints
{
    public static void MapRunLivestream(this IEndpointRouteBuilder group)
    {
        Map(group, CatalogApiPaths.StartLivestream, "StartLivestream", "The host goes live: the featured products sell at their livestream prices from now.",
            "Only a scheduled event starts (an ended or cancelled one: 409).", (e, now) => e.Start(now));
        Map(group, CatalogApiPaths.EndLivestream, "EndLivestream", "The host ends the live event: its prices stop applying.",
            "Only a live event ends (409).", (e, now) => e.End(now));
        Map(group, CatalogApiPaths.CancelLivestream, "CancelLivestream", "The host cancels an event that has not started.",
            "Only a scheduled event is cancelled; a live one is ended instead (409).", (e, now) => e.Cancel(now));
    }

    private static void Map(IEndpointRouteBuilder group, string route, string name, string summary, string rule, Action<LivestreamEvent, DateTimeOffset> change) =>
        group.MapPost(route, (Guid cooperativeId, Guid eventId, ClaimsPrincipal caller, CatalogDbContext db, TimeProvider clock, CancellationToken cancellationToken) =>
                RunAsync(cooperativeId, eventId, caller, db, clock, change, cancellationToken))
            .RequireAuthorization(AuthorizationPolicies.CooperativeMember)
            .WithName(name)
            .WithSummary(summary)
            .WithDescription($"The event's host or an administrator of the cooperative; anyone else's event is 404. {rule}")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

    internal static async Task<Ok<LivestreamResponse>> RunAsync(
        Guid cooperativeId, Guid eventId, ClaimsPrincipal caller, CatalogDbContext db, TimeProvider clock, Action<LivestreamEvent, DateTimeOffset> change,
        CancellationToken cancellationToken)
    {
        var livestream = await db.FindRunnableEventAsync(caller, cooperativeId, eventId, cancellationToken);
        change(livestream, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(await livestream.ToResponseAsync(db, cancellationToken));
    }
}
