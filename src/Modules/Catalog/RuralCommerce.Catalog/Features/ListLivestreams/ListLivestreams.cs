using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using RuralCommerce.Catalog.Domain.Livestreams;
using RuralCommerce.Catalog.Features.Common;
using RuralCommerce.Catalog.Persistence;
using RuralCommerce.Shared.Infrastructure.Security;
using RuralCommerce.Shared.Infrastructure.Web;
using RuralCommerce.SharedKernel;

namespace RuralCommerce.Catalog.Features.ListLivestreams;

internal static class ListLivestreamsEndpoints
{
    public static void MapListLivestreams(this IEndpointRouteBuilder group)
    {
        group.MapGet(CatalogApiPaths.Livestreams, ListAsync)
            .RequireAuthorization(AuthorizationPolicies.CooperativeMember)
            .WithName("ListLivestreams")
            .WithSummary("The cooperative's livestream events, past and planned, latest planned start first.")
            .WithDescription("Members of the cooperative. Filter by status (Scheduled, Live, Ended, Cancelled). Paged.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet(CatalogApiPaths.Livestream, GetAsync)
            .RequireAuthorization(AuthorizationPolicies.CooperativeMember)
            .WithName("GetLivestream")
            .WithSummary("One of the cooperative's livestream events with its featured products and the pinned one.")
            .WithDescription("Members of the cooperative.")
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    internal static async Task<Ok<PagedResult<LivestreamResponse>>> ListAsync(
        Guid cooperativeId, [OneOfNames(typeof(LivestreamStatus))] string? status, [Range(1, int.MaxValue)] int? page, [Range(1, PageRequest.MaxPageSize)] int? pageSize, CatalogDbContext db, CancellationToken cancellationToken)
    {
        var paging = PageRequest.From(page, pageSize);
        var errors = new ValidationErrors();
        var wanted = status is null ? (LivestreamStatus?)null : errors.RequireName<LivestreamStatus>(status, "status");
        errors.ThrowIfAny();
        await db.FindCooperativeAsync(cooperativeId, cancellationToken);
        var query = db.LivestreamEvents.Where(e => e.CooperativeId == cooperativeId);
        if (wanted is { } s)
        {
            query = query.Where(e => e.Status == s);
        }

        var total = await query.CountAsync(cancellationToken);
        var events = await query.Include(e => e.Featured).OrderByDescending(e => e.PlannedStart).ThenBy(e => e.Id)
            .Skip(paging.Skip).Take(paging.PageSize).AsSplitQuery().AsNoTracking().ToListAsync(cancellationToken);
        return TypedResults.Ok(new PagedResult<LivestreamResponse>(await events.ToResponsesAsync(db, cancellationToken), paging.Page, paging.PageSize, total));
    }

    internal static async Task<Ok<LivestreamResponse>> GetAsync(Guid cooperativeId, Guid eventId, CatalogDbContext db, CancellationToken cancellationToken)
    {
        var livestream = await db.LivestreamEvents.Include(e => e.Featured).AsNoTracking()
            .SingleOrDefaultAsync(e => e.Id == new LivestreamEventId(eventId) && e.CooperativeId == cooperativeId, cancellationToken)
            ?? throw new NotFoundException("Livestream event", eventId);
        return TypedResults.Ok(await livestream.ToResponseAsync(db, cancellationToken));
    }
}
