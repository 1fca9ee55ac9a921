using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using RuralCommerce.Catalog.Domain.Products;
using RuralCommerce.Catalog.Features.Common;
using RuralCommerce.Catalog.Persistence;
using RuralCommerce.Shared.Infrastructure.Idempotency;
using RuralCommerce.Shared.Infrastructure.Security;
using RuralCommerce.Shared.Infrastructure.Web;
using RuralCommerce.SharedKernel;

namespace RuralCommerce.Catalog.Features.AdjustStock;

/// <param name="Reason">Restock (adds the quantity), Spoilage (removes it) or Count (the quantity is what is on hand now).</param>
internal sealed record AdjustStockRequest(
    [property: Required, OneOfNames(typeof(StockAdjustmentKind))] string? Reason,
    [property: Required] decimal? Quantity,
    Guid? BatchId,
    [property: MaxLength(200)] string? Note);

internal static class AdjustStockEndpoint
{
    public static void MapAdjustStock(this IEndpointRouteBuilder group) =>
        group.MapPost(CatalogApiPaths.StockAdjustments, HandleAsync)
            .RequireAuthorization(AuthorizationPolicies.CooperativeSeller)
            .WithIdempotency<CatalogDbContext>()
            .WithName("AdjustStock")
            .WithSummary("The seller records a restock, spoilage or a count of their product's stock on hand.")
            .WithDescription("Only the product's own seller. Quantities are in units of sale: weights (Kilogram, Jin) to the gram, other units whole. " +
                "A restock may name a batch of the product. Stock on hand never goes below zero (409). Send an Idempotency-Key when retrying, " +
                "so a retried restock is counted once.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

    internal static async Task<Created<StockAdjustmentResponse>> HandleAsync(
        Guid cooperativeId, Guid productId, AdjustStockRequest request, ClaimsPrincipal caller, CatalogDbContext db, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var product = await db.FindOwnProductAsync(caller, cooperativeId, productId, cancellationToken);
        var errors = new ValidationErrors();
        var kind = errors.RequireName<StockAdjustmentKind>(request.Reason, "reason");
        var quantity = errors.RequireQuantity(request.Quantity, product.Unit, "quantity", allowZero: kind == StockAdjustmentKind.Count);
        var note = errors.OptionalText(request.Note, "note", 200);
        errors.Require(request.BatchId is null || kind == StockAdjustmentKind.Restock, "batchId", "Only a restock names a batch.");
        errors.ThrowIfAny();
        if (request.BatchId is { } batchId && !await db.Batches.AnyAsync(b => b.Id == batchId && b.ProductId == product.Id, cancellationToken))
        {
            throw new NotFoundException("Batch", batchId);
        }

        var seller = caller.MembershipIn(cooperativeId)!.MemberId;
        var adjustment = product.AdjustStock(NewId.Next(clock), kind, quantity, request.BatchId, note, seller, clock.GetUtcNow());
        db.StockAdjustments.Add(adjustment);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created(CatalogApiPaths.Url(CatalogApiPaths.StockAdjustments, cooperativeId, productId), adjustment.ToResponse());
    }
}
