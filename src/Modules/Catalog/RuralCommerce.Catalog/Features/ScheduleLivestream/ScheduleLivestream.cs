using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using RuralCommerce.Catalog.Domain.Livestreams;
using RuralCommerce.Catalog.Features.Common;
using RuralCommerce.Catalog.Persistence;
using RuralCommerce.Shared.Infrastructure.Idempotency;
using RuralCommerce.Shared.Infrastructure.Security;
using RuralCommerce.Shared.Infrastructure.Web;
using RuralCommerce.SharedKernel;

namespace RuralCommerce.Catalog.Features.ScheduleLivestream;

/// <param name="Platform">Douyin, Kuaishou, TaobaoLive, WeChatChannels or Other.</param>
internal sealed record LivestreamPlanRequest(
    [property: Required, MaxLength(100)] string? Title,
    [property: Required] DateTimeOffset? PlannedStart,
    [property: Required] DateTimeOffset? PlannedEnd,
    [property: Required, OneOfNames(typeof(LivestreamPlatform))] string? Platform,
    [property: MaxLength(300)] string? StreamUrl);

internal static class ScheduleLivestreamEndpoints
{
    private static readonly TimeSpan LongestEvent = TimeSpan.FromHours(24);

    public static void MapScheduleLivestream(this IEndpointRouteBuilder group)
    {
        group.MapPost(CatalogApiPaths.Livestreams, ScheduleAsync)
            .RequireAuthorization(AuthorizationPolicies.CooperativeLivestreamHost)
            .WithIdempotency<CatalogDbContext>()
            .WithName("ScheduleLivestream")
            .WithSummary("A livestream host schedules a sale for their cooperative: title, planned start and end, platform and stream link.")
            .WithDescription("Members with the LivestreamHost role. Times are instants with an offset (e.g. 2026-12-12T19:00:00+08:00); an event lasts " +
                "at most 24 hours and must end in the future (409). The stream link is an http(s) address.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPut(CatalogApiPaths.Livestream, ReplanAsync)
            .RequireAuthorization(AuthorizationPolicies.CooperativeMember)
            .WithName("ReplanLivestream")
            .WithSummary("The host (or an administrator) changes a scheduled event's title, times, platform or link.")
            .WithDescription("Only before it starts (409). Another member's event is 404.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
    }

    internal static async Task<Created<LivestreamResponse>> ScheduleAsync(
        Guid cooperativeId, LivestreamPlanRequest request, ClaimsPrincipal caller, CatalogDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var plan = Parse(request);
        var cooperative = await db.FindCooperativeAsync(cooperativeId, cancellationToken);
        var host = await db.FindCallerAsync(caller, cooperativeId, cancellationToken);
        var livestream = LivestreamEvent.Schedule(new LivestreamEventId(NewId.Next(clock)), cooperative, host, plan, clock.GetUtcNow());
        db.LivestreamEvents.Add(livestream);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created(
            CatalogApiPaths.Url(CatalogApiPaths.Livestream, cooperativeId, livestream.Id.Value), await livestream.ToResponseAsync(db, cancellationToken));
    }

    internal static async Task<Ok<LivestreamResponse>> ReplanAsync(
        Guid cooperativeId, Guid eventId, LivestreamPlanRequest request, ClaimsPrincipal caller, CatalogDbContext db, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var plan = Parse(request);
        var livestream = await db.FindRunnableEventAsync(caller, cooperativeId, eventId, cancellationToken);
        livestream.Replan(plan, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(await livestream.ToResponseAsync(db, cancellationToken));
    }

    private static LivestreamPlan Parse(LivestreamPlanRequest request)
    {
        var errors = new ValidationErrors();
        var title = errors.RequireText(request.Title, "title", 100);
        var platform = errors.RequireName<LivestreamPlatform>(request.Platform, "platform");
        errors.Require(request.PlannedStart is not null, "plannedStart", "plannedStart is required.");
        errors.Require(request.PlannedEnd is not null, "plannedEnd", "plannedEnd is required.");
        errors.Require(request.PlannedStart is null || request.PlannedEnd is null || request.PlannedEnd - request.PlannedStart <= LongestEvent,
            "plannedEnd", "An event lasts at most 24 hours.");
        var url = errors.OptionalText(request.StreamUrl, "streamUrl", 300);
        errors.Require(url is null || (Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"),
            "streamUrl", "streamUrl must be an http or https address.");
        errors.ThrowIfAny();
        return new LivestreamPlan(title, request.PlannedStart!.Value.ToUniversalTime(), request.PlannedEnd!.Value.ToUniversalTime(), platform, url);
    }
}
