using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using RuralCommerce.Cooperatives.Domain.Shares;
using RuralCommerce.Cooperatives.Features.Common;
using RuralCommerce.Cooperatives.Persistence;
using RuralCommerce.Shared.Infrastructure.Idempotency;
using RuralCommerce.Shared.Infrastructure.Security;

namespace RuralCommerce.Cooperatives.Features.BuyBackShares;

internal static class BuyBackSharesEndpoint
{
    public static void MapBuyBackShares(this IEndpointRouteBuilder group) =>
        group.MapPost(CooperativesApiPaths.MemberShareBuyBacks, HandleAsync)
            .RequireAuthorization(AuthorizationPolicies.CooperativeAdmin)
            .WithIdempotency<CooperativesDbContext>()
            .WithName("BuyBackShares")
            .WithSummary("The cooperative buys back a member's shares at the share price (e.g. before the member leaves).")
            .WithDescription("Cooperative administrators. More shares than the member holds answers 409 (CannotGiveUpMoreSharesThanHeldRule). Send an Idempotency-Key when retrying.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

    internal static Task<Ok<ShareMovementResponse>> HandleAsync(
        Guid cooperativeId, Guid memberId, ShareCountRequest request, CooperativesDbContext db, TimeProvider clock,
        CancellationToken cancellationToken) =>
        ShareMovements.RecordAsync(
            cooperativeId, memberId, request, ShareMovement.BoughtBack, (member, cooperative, count) => member.GiveUpShares(cooperative, count),
            db, clock, cancellationToken);
}
