using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using RuralCommerce.Catalog.Features.Common;
using RuralCommerce.Catalog.Persistence;
using RuralCommerce.Shared.Infrastructure.Security;

namespace RuralCommerce.Catalog.Features.ListBatches;

internal static class ListBatchesEndpoint
{
    public static void MapListBatches(this IEndpointRouteBuilder group) =>
        group.MapGet(CatalogApiPaths.Batches, HandleAsync)
            .RequireAuthorization(AuthorizationPolicies.CooperativeMember)
            .WithName("ListBatches")
            .WithSummary("A product's harvest batches, latest harvest first, with their trace pages and QR codes.")
            .WithDescription("The product's seller and the cooperative's administrators; another seller's product is 404.")
            .ProducesProblem(StatusCodes.Status404NotFound);

    internal static async Task<Ok<IReadOnlyList<BatchResponse>>> HandleAsync(
        Guid cooperativeId, Guid productId, ClaimsPrincipal caller, CatalogDbContext db, CancellationToken cancellationToken)
    {
        var product = await db.FindVisibleProductAsync(caller, cooperativeId, productId, cancellationToken);
        var batches = await db.Batches.Where(b => b.ProductId == product.Id)
            .OrderByDescending(b => b.HarvestedOn).ThenByDescending(b => b.RegisteredAt).ToListAsync(cancellationToken);
        return TypedResults.Ok<IReadOnlyList<BatchResponse>>(batches.Select(b => b.ToResponse()).ToList());
    }
}
