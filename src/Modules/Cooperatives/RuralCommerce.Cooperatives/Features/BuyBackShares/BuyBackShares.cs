using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using RuralCommerce.Cooperatives.Domain.Shares;
using RuralCommerce.Cooperatives.Features.Common;
using RuralCommerce.Cooperatives.Features.SubscribeShares;
using RuralCommerce.Cooperatives.Persistence;
using RuralCommerce.Shared.Infrastructure.Idempotency;
using RuralCommerce.Shared.Infrastructure.Security;
using RuralCommerce.Shared.Infrastructure.Web;

namespace RuralCommerce.Cooperatives.Features.BuyBackShares;

internal static class BuyBackSharesEndpoint
{
    public static void MapBuyBackShares(this IEndpointRouteBuilder group) =>
        group.MapPost("/{cooperativeId:guid}/members/{memberId:guid}/share-buy-backs", HandleAsync)
            .RequireAuthorization(AuthorizationPolicies.CooperativeAdmin)
            .WithIdempotency<CooperativesDbContext>()
            .WithName("BuyBackShares")
            .WithSummary("The cooperative buys back a member's shares at the share price (e.g. before the member leaves).")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

    private static async Task<Ok<ShareMovementResponse>> HandleAsync(
        Guid cooperativeId, Guid memberId, ShareCountRequest request, CooperativesDbContext db, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var count = errors.RequireShareCount(request.Count);
        errors.ThrowIfAny();

        var cooperative = await db.FindCooperativeAsync(cooperativeId, cancellationToken);
        var member = await db.FindMemberAsync(cooperativeId, memberId, cancellationToken);
        member.GiveUpShares(cooperative, count);
        var entry = ShareLedgerEntry.Record(cooperative, member.Id, ShareMovement.BoughtBack, count, clock);
        db.ShareLedger.Add(entry);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(new ShareMovementResponse(memberId, -count, entry.Value.Amount, member.Shares));
    }
}
