using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using RuralCommerce.Catalog.Domain.Batches;
using RuralCommerce.Catalog.Features.Common;
using RuralCommerce.Catalog.Persistence;
using RuralCommerce.Shared.Infrastructure.Idempotency;
using RuralCommerce.Shared.Infrastructure.Security;
using RuralCommerce.Shared.Infrastructure.Web;
using RuralCommerce.SharedKernel;

namespace RuralCommerce.Catalog.Features.RegisterBatch;

internal sealed record RegisterBatchRequest(
    [property: Required, MaxLength(32), RegularExpression(ProductCodes.Pattern)] string? Code,
    [property: Required] DateOnly? HarvestedOn,
    [property: MaxLength(50)] string? Village,
    [property: Required] decimal? QuantityProduced,
    [property: MaxLength(200)] string? Note);

internal static class RegisterBatchEndpoint
{
    public static void MapRegisterBatch(this IEndpointRouteBuilder group) =>
        group.MapPost(CatalogApiPaths.Batches, HandleAsync)
            .RequireAuthorization(AuthorizationPolicies.CooperativeSeller)
            .WithIdempotency<CatalogDbContext>()
            .WithName("RegisterBatch")
            .WithSummary("The seller registers a harvest batch of their product; it gets a public trace page and a QR code.")
            .WithDescription("Only the product's own seller. The code is unique within the cooperative, whatever its case (409). The village " +
                "defaults to the seller's; the harvest date cannot be after today (China time). The quantity is in the product's unit of sale.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

    internal static async Task<Created<BatchResponse>> HandleAsync(
        Guid cooperativeId, Guid productId, RegisterBatchRequest request, ClaimsPrincipal caller, CatalogDbContext db, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var product = await db.FindOwnProductAsync(caller, cooperativeId, productId, cancellationToken);
        var errors = new ValidationErrors();
        var code = errors.RequireProductCode(request.Code);
        errors.Require(request.HarvestedOn is not null, "harvestedOn", "harvestedOn is required.");
        var quantity = errors.RequireQuantity(request.QuantityProduced, product.Unit, "quantityProduced");
        var village = errors.OptionalText(request.Village, "village", 50);
        var note = errors.OptionalText(request.Note, "note", 200);
        errors.ThrowIfAny();

        var seller = await db.FindCallerAsync(caller, cooperativeId, cancellationToken);
        var key = Batch.KeyOf(code);
        if (await db.Batches.AnyAsync(b => b.CooperativeId == cooperativeId && b.CodeKey == key, cancellationToken))
        {
            throw new ConflictException("BatchCodeTaken", $"The cooperative already has a batch with the code '{code}'.");
        }

        var now = clock.GetUtcNow();
        var batch = Batch.Register(
            NewId.Next(clock), product, code, request.HarvestedOn!.Value, village ?? seller.Village, quantity, note, ChinaTime.Today(now), now);
        db.Batches.Add(batch);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created(CatalogApiPaths.Url(CatalogApiPaths.Batches, cooperativeId, productId), batch.ToResponse());
    }
}
