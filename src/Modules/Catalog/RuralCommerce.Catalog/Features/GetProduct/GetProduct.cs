using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using RuralCommerce.Catalog.Features.Common;
using RuralCommerce.Catalog.Persistence;
using RuralCommerce.Shared.Infrastructure.Security;

namespace RuralCommerce.Catalog.Features.GetProduct;

internal static class GetProductEndpoint
{
    public static void MapGetProduct(this IEndpointRouteBuilder group) =>
        group.MapGet(CatalogApiPaths.Product, HandleAsync)
            .RequireAuthorization(AuthorizationPolicies.CooperativeMember)
            .WithName("GetProduct")
            .WithSummary("One product with its stock on hand, as its seller or the cooperative's administrators see it.")
            .WithDescription("Another seller's product is 404.")
            .ProducesProblem(StatusCodes.Status404NotFound);

    internal static async Task<Ok<ProductResponse>> HandleAsync(
        Guid cooperativeId, Guid productId, ClaimsPrincipal caller, CatalogDbContext db, CancellationToken cancellationToken) =>
        TypedResults.Ok((await db.FindVisibleProductAsync(caller, cooperativeId, productId, cancellationToken)).ToResponse());
}
