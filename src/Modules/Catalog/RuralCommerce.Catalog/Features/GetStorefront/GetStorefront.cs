using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using RuralCommerce.Catalog.Domain.Products;
using RuralCommerce.Catalog.Features.Common;
using RuralCommerce.Catalog.Persistence;
using RuralCommerce.Shared.Infrastructure.Web;

namespace RuralCommerce.Catalog.Features.GetStorefront;

/// <summary>A cooperative's shop window: who they are, and their listed products, newest first.</summary>
internal sealed record StorefrontResponse(
    Guid CooperativeId, string Name, string Province, string County, string Village, bool Open, PagedResult<ShopProductSummary> Products);

internal static class GetStorefrontEndpoint
{
    public static void MapGetStorefront(this IEndpointRouteBuilder group) =>
        group.MapGet(CatalogApiPaths.Storefront, HandleAsync)
            .AllowAnonymous()
            .WithName("GetStorefront")
            .WithSummary("A cooperative's storefront: the cooperative and its listed products, newest first, paged.")
            .WithDescription("Anyone. open is false while the cooperative is suspended or after it is dissolved (it then lists nothing).")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);

    internal static async Task<Ok<StorefrontResponse>> HandleAsync(
        Guid cooperativeId, [Range(1, int.MaxValue)] int? page, [Range(1, PageRequest.MaxPageSize)] int? pageSize, CatalogDbContext db, CancellationToken cancellationToken)
    {
        var paging = PageRequest.From(page, pageSize);
        var cooperative = await db.FindCooperativeAsync(cooperativeId, cancellationToken);
        var query = db.Products.Where(p => p.CooperativeId == cooperativeId && p.Status == ProductStatus.Listed)
            .OrderByDescending(p => p.ListedAt).ThenBy(p => p.Id);
        var total = await query.CountAsync(cancellationToken);
        var items = await query.ToSummariesAsync(db, paging.Skip, paging.PageSize, cancellationToken);
        return TypedResults.Ok(new StorefrontResponse(
            cooperative.Id, cooperative.Name, cooperative.Province, cooperative.County, cooperative.Village, cooperative.IsActive,
            new PagedResult<ShopProductSummary>(items, paging.Page, paging.PageSize, total)));
    }
}
