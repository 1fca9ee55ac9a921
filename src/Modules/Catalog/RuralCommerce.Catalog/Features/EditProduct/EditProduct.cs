using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;
using RuralCommerce.Catalog.Domain.Products;
using RuralCommerce.Catalog.Features.Common;
using RuralCommerce.Catalog.Persistence;
using RuralCommerce.Shared.Infrastructure.Security;
using RuralCommerce.Shared.Infrastructure.Web;

namespace RuralCommerce.Catalog.Features.EditProduct;

internal sealed record EditProductRequest(
    [property: Required, MaxLength(100)] string? Name,
    [property: Required, OneOfNames(typeof(ProductCategory))] string? Category,
    [property: MaxLength(2000)] string? Description,
    [property: Required, OneOfNames(typeof(SaleUnit))] string? Unit,
    NetContentDto? NetContent,
    [property: Required] decimal? ListPrice,
    [property: MaxLength(50)] string? OriginCounty,
    [property: MaxLength(50)] string? OriginVillage) : IProductFields;

internal static class EditProductEndpoint
{
    public static void MapEditProduct(this IEndpointRouteBuilder group) =>
        group.MapPut(CatalogApiPaths.Product, HandleAsync)
            .RequireAuthorization(AuthorizationPolicies.CooperativeSeller)
            .WithName("EditProduct")
            .WithSummary("The seller changes their product's description or price; the code stays.")
            .WithDescription("Only the product's own seller: another seller's product is 404. A listed product's new name, category, unit " +
                "or price reaches the other modules at once. The unit cannot change while stock is on hand (409).")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

    internal static async Task<Ok<ProductResponse>> HandleAsync(
        Guid cooperativeId, Guid productId, EditProductRequest request, ClaimsPrincipal caller, CatalogDbContext db,
        IOptions<CatalogOptions> options, TimeProvider clock, CancellationToken cancellationToken)
    {
        var cooperative = await db.FindCooperativeAsync(cooperativeId, cancellationToken);
        var product = await db.FindOwnProductAsync(caller, cooperativeId, productId, cancellationToken);
        var errors = new ValidationErrors();
        var details = errors.Parse(request, cooperative, options.Value.MaxListPrice);
        errors.ThrowIfAny();

        product.Edit(details, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(product.ToResponse());
    }
}
