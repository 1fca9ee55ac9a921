using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using RuralCommerce.Catalog.Domain.Products;
using RuralCommerce.Catalog.Features.Common;
using RuralCommerce.Catalog.Persistence;
using RuralCommerce.Shared.Infrastructure.Idempotency;
using RuralCommerce.Shared.Infrastructure.Security;
using RuralCommerce.Shared.Infrastructure.Web;
using RuralCommerce.SharedKernel;

namespace RuralCommerce.Catalog.Features.CreateProduct;

internal sealed record CreateProductRequest(
    [property: Required, MaxLength(32), RegularExpression(ProductCodes.Pattern)] string? Code,
    [property: Required, MaxLength(100)] string? Name,
    [property: Required, OneOfNames(typeof(ProductCategory))] string? Category,
    [property: MaxLength(2000)] string? Description,
    [property: Required, OneOfNames(typeof(SaleUnit))] string? Unit,
    NetContentDto? NetContent,
    [property: Required] decimal? ListPrice,
    [property: MaxLength(50)] string? OriginCounty,
    [property: MaxLength(50)] string? OriginVillage) : IProductFields;

internal static class CreateProductEndpoint
{
    public static void MapCreateProduct(this IEndpointRouteBuilder group) =>
        group.MapPost(CatalogApiPaths.Products, HandleAsync)
            .RequireAuthorization(AuthorizationPolicies.CooperativeSeller)
            .WithIdempotency<CatalogDbContext>()
            .WithName("CreateProduct")
            .WithSummary("A seller drafts a product; it enters the shop when listed.")
            .WithDescription("Members with the Seller role. The code (SKU) is unique within the cooperative, whatever its case. Categories: " +
                "FreshMushrooms, DriedMushrooms, RiceWine, Tea, GrainAndOil, Fruit, Vegetables, MeatAndEggs, Handicraft, Other. Units: Kilogram, " +
                "Jin (500 g), Bottle, Box, Bag, Piece. The list price is in yuan with at most two decimals. Origin defaults to the cooperative's county and village.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

    internal static async Task<Created<ProductResponse>> HandleAsync(
        Guid cooperativeId, CreateProductRequest request, ClaimsPrincipal caller, CatalogDbContext db, IOptions<CatalogOptions> options,
        TimeProvider clock, CancellationToken cancellationToken)
    {
        var cooperative = await db.FindCooperativeAsync(cooperativeId, cancellationToken);
        var errors = new ValidationErrors();
        var code = errors.RequireProductCode(request.Code);
        var details = errors.Parse(request, cooperative, options.Value.MaxListPrice);
        errors.ThrowIfAny();

        var seller = await db.FindCallerAsync(caller, cooperativeId, cancellationToken);
        var key = Product.KeyOf(code);
        if (await db.Products.AnyAsync(p => p.CooperativeId == cooperativeId && p.CodeKey == key, cancellationToken))
        {
            throw new ConflictException("ProductCodeTaken", $"The cooperative already has a product with the code '{code}'.");
        }

        var product = Product.Draft(new ProductId(NewId.Next(clock)), cooperative, seller, code, details, clock.GetUtcNow());
        db.Products.Add(product);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created(CatalogApiPaths.Url(CatalogApiPaths.Product, cooperativeId, product.Id.Value), product.ToResponse());
    }
}
