using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using RuralCommerce.Catalog.Features.Common;
using RuralCommerce.Catalog.Persistence;
using RuralCommerce.Shared.Infrastructure.Security;
using RuralCommerce.Shared.Infrastructure.Web;

namespace RuralCommerce.Catalog.Features.ListStockAdjustments;

internal static class ListStockAdjustmentsEndpoint
{
    public static void MapListStockAdjustments(this IEndpointRouteBuilder group) =>
        group.MapGet(CatalogApiPaths.StockAdjustments, HandleAsync)
            .RequireAuthorization(AuthorizationPolicies.CooperativeMember)
            .WithName("ListStockAdjustments")
            .WithSummary("A product's stock history, newest first.")
            .WithDescription("The product's seller and the cooperative's administrators; another seller's product is 404.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);

    internal static async Task<Ok<PagedResult<StockAdjustmentResponse>>> HandleAsync(
        Guid cooperativeId, Guid productId, [Range(1, int.MaxValue)] int? page, [Range(1, PageRequest.MaxPageSize)] int? pageSize, ClaimsPrincipal caller, CatalogDbContext db, CancellationToken cancellationToken)
    {
        var paging = PageRequest.From(page, pageSize);
        var product = await db.FindVisibleProductAsync(caller, cooperativeId, productId, cancellationToken);
        var query = db.StockAdjustments.Where(a => a.ProductId == product.Id);
        var total = await query.CountAsync(cancellationToken);
        var rows = await query.OrderByDescending(a => a.Sequence).Skip(paging.Skip).Take(paging.PageSize).ToListAsync(cancellationToken);
        return TypedResults.Ok(new PagedResult<StockAdjustmentResponse>(rows.Select(a => a.ToResponse()).ToList(), paging.Page, paging.PageSize, total));
    }
}
