using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using RuralCommerce.Catalog.Domain.Livestreams;
using RuralCommerce.Catalog.Features.Common;
using RuralCommerce.Catalog.Persistence;
using RuralCommerce.SharedKernel;

namespace RuralCommerce.Catalog.Features.ShopLivestreams;

internal static class ShopLivestreamsEndpoints
{
    private const int Shown = 50;

    public static void MapShopLivestreams(this IEndpointRouteBuilder group)
    {
        group.MapGet(CatalogApiPaths.ShopLivestreams, ListAsync)
            .AllowAnonymous()
            .WithName("ShopLivestreams")
            .WithSummary("Live and upcoming livestream sales, live ones first, then by planned start; each with its featured products and the pinned one.")
            .WithDescription("Anyone. Optionally one cooperative's (cooperativeId). At most 50.");
        group.MapGet(CatalogApiPaths.ShopLivestream, GetAsync)
            .AllowAnonymous()
            .WithName("ShopLivestream")
            .WithSummary("One livestream sale as buyers see it.")
            .WithDescription("Anyone.")
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    internal static async Task<Ok<IReadOnlyList<LivestreamResponse>>> ListAsync(
        Guid? cooperativeId, CatalogDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var query = db.LivestreamEvents.Where(e => e.Status == LivestreamStatus.Live || (e.Status == LivestreamStatus.Scheduled && e.PlannedEnd > now));
        if (cooperativeId is { } id)
        {
            query = query.Where(e => e.CooperativeId == id);
        }

        var events = await query.Include(e => e.Featured)
            .OrderBy(e => e.Status == LivestreamStatus.Live ? 0 : 1).ThenBy(e => e.PlannedStart).ThenBy(e => e.Id)
            .Take(Shown).AsSplitQuery().AsNoTracking().ToListAsync(cancellationToken);
        return TypedResults.Ok<IReadOnlyList<LivestreamResponse>>(await events.ToResponsesAsync(db, cancellationToken));
    }

    internal static async Task<Ok<LivestreamResponse>> GetAsync(Guid eventId, CatalogDbContext db, CancellationToken cancellationToken)
    {
        var livestream = await db.LivestreamEvents.Include(e => e.Featured).AsNoTracking()
            .SingleOrDefaultAsync(e => e.Id == new LivestreamEventId(eventId), cancellationToken)
            ?? throw new NotFoundException("Livestream event", eventId);
        return TypedResults.Ok(await livestream.ToResponseAsync(db, cancellationToken));
    }
}
