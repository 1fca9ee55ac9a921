using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using RuralCommerce.Cooperatives.Domain.Shares;
using RuralCommerce.Cooperatives.Features.Common;
using RuralCommerce.Cooperatives.Persistence;
using RuralCommerce.Shared.Infrastructure.Idempotency;
using RuralCommerce.Shared.Infrastructure.Security;
using RuralCommerce.Shared.Infrastructure.Web;

using RuralCommerce.SharedKernel;

namespace RuralCommerce.Cooperatives.Features.TransferShares;

internal sealed record TransferSharesRequest(
    [property: Required] Guid? FromMemberId,
    [property: Required] Guid? ToMemberId,
    [property: Required, Range(1, 1_000_000)] int? Count);

internal sealed record TransferSharesResponse(ShareMovementResponse From, ShareMovementResponse To);

internal static class TransferSharesEndpoint
{
    public static void MapTransferShares(this IEndpointRouteBuilder group) =>
        group.MapPost(CooperativesApiPaths.ShareTransfers, HandleAsync)
            .RequireAuthorization(AuthorizationPolicies.CooperativeAdmin)
            .WithIdempotency<CooperativesDbContext>()
            .WithName("TransferShares")
            .WithDescription("Cooperative administrators. Both members must belong to this cooperative (404 otherwise) and the giver must hold the shares (409). Send an Idempotency-Key when retrying.")
            .WithSummary("Moves shares between two members of the same cooperative; never more than the giver holds.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

    internal static async Task<Ok<TransferSharesResponse>> HandleAsync(
        Guid cooperativeId, TransferSharesRequest request, CooperativesDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        errors.Require(request.FromMemberId is not null, "fromMemberId", "fromMemberId is required.");
        errors.Require(request.ToMemberId is not null, "toMemberId", "toMemberId is required.");
        errors.Require(request.FromMemberId != request.ToMemberId, "toMemberId", "A member cannot transfer shares to themself.");
        var count = errors.RequireShareCount(request.Count);
        errors.ThrowIfAny();

        var cooperative = await db.FindCooperativeAsync(cooperativeId, cancellationToken);
        var from = await db.FindMemberAsync(cooperativeId, request.FromMemberId!.Value, cancellationToken);
        var to = await db.FindMemberAsync(cooperativeId, request.ToMemberId!.Value, cancellationToken);
        from.GiveUpShares(cooperative, count);
        to.ReceiveShares(cooperative, count);
        var now = clock.GetUtcNow();
        var outgoing = ShareLedgerEntry.Record(new ShareLedgerEntryId(NewId.Next(clock)), cooperative, from.Id, ShareMovement.TransferredOut, count, now);
        var incoming = ShareLedgerEntry.Record(new ShareLedgerEntryId(NewId.Next(clock)), cooperative, to.Id, ShareMovement.TransferredIn, count, now);
        db.ShareLedger.AddRange(outgoing, incoming);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(new TransferSharesResponse(
            new ShareMovementResponse(from.Id.Value, -count, outgoing.Value.Amount, from.Shares),
            new ShareMovementResponse(to.Id.Value, count, incoming.Value.Amount, to.Shares)));
    }
}
