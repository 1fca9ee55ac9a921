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

internal static class SubscribeSharesEndpoint
{
    public static void MapSubscribeShares(this IEndpointRouteBuilder group) =>
        group.MapPost(CooperativesApiPaths.MemberShares, HandleAsync)
            .RequireAuthorization(AuthorizationPolicies.CooperativeAdmin)
            .WithIdempotency<CooperativesDbContext>()
            .WithName("SubscribeShares")
            .WithSummary("Records an active member's subscription of shares at the cooperative's share price.")
            .WithDescription("Cooperative administrators. The member must be active and the cooperative active (409 with the rule's name otherwise). Send an Idempotency-Key when retrying.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

    internal static Task<Ok<ShareMovementResponse>> HandleAsync(
        Guid cooperativeId, Guid memberId, ShareCountRequest request, CooperativesDbContext db, TimeProvider clock,
        CancellationToken cancellationToken) =>
        ShareMovements.RecordAsync(
            cooperativeId, memberId, request, ShareMovement.Subscribed, (member, cooperative, count) => member.ReceiveShares(cooperative, count),
            db, clock, cancellationToken);
}
