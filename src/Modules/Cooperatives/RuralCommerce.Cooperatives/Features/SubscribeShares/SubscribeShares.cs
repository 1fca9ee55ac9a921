using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using RuralCommerce.Cooperatives.Domain.Cooperatives;
using RuralCommerce.Cooperatives.Domain.Members;
using RuralCommerce.Cooperatives.Domain.Shares;
using RuralCommerce.Cooperatives.Features.Common;
using RuralCommerce.Cooperatives.Persistence;
using RuralCommerce.Shared.Infrastructure.Idempotency;
using RuralCommerce.Shared.Infrastructure.Security;
using RuralCommerce.Shared.Infrastructure.Web;

namespace RuralCommerce.Cooperatives.Features.SubscribeShares;

internal sealed record ShareCountRequest([property: Required, Range(1, 1_000_000)] int? Count);

internal sealed record ShareMovementResponse(Guid MemberId, int Count, decimal Value, int SharesHeld);

internal static class SubscribeSharesEndpoint
{
    public static void MapSubscribeShares(this IEndpointRouteBuilder group) =>
        group.MapPost("/{cooperativeId:guid}/members/{memberId:guid}/shares", HandleAsync)
            .RequireAuthorization(AuthorizationPolicies.CooperativeAdmin)
            .WithIdempotency<CooperativesDbContext>()
            .WithName("SubscribeShares")
            .WithSummary("Records an active member's subscription of shares at the cooperative's share price.")
            .WithDescription("Cooperative administrators. The member must be active and the cooperative active (409 with the rule's name otherwise). Send an Idempotency-Key when retrying.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

    private static Task<Ok<ShareMovementResponse>> HandleAsync(
        Guid cooperativeId, Guid memberId, ShareCountRequest request, CooperativesDbContext db, TimeProvider clock,
        CancellationToken cancellationToken) =>
        ShareMovements.RecordAsync(
            cooperativeId, memberId, request, ShareMovement.Subscribed, (member, cooperative, count) => member.ReceiveShares(cooperative, count),
            db, clock, cancellationToken);
}

/// <summary>One member's shares go up or down against the cooperative, and the share register records it.</summary>
internal static class ShareMovements
{
    public static async Task<Ok<ShareMovementResponse>> RecordAsync(
        Guid cooperativeId, Guid memberId, ShareCountRequest request, ShareMovement movement, Action<Member, Cooperative, int> change,
        CooperativesDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var count = errors.RequireShareCount(request.Count);
        errors.ThrowIfAny();

        var cooperative = await db.FindCooperativeAsync(cooperativeId, cancellationToken);
        var member = await db.FindMemberAsync(cooperativeId, memberId, cancellationToken);
        change(member, cooperative, count);
        var entry = ShareLedgerEntry.Record(cooperative, member.Id, movement, count, clock);
        db.ShareLedger.Add(entry);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(new ShareMovementResponse(memberId, entry.Count, entry.Value.Amount, member.Shares));
    }
}
