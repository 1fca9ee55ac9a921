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
using RuralCommerce.Shared.Infrastructure.Security;
using RuralCommerce.Shared.Infrastructure.Web;

namespace RuralCommerce.Catalog.Features.ListProducts;

internal static class ListProductsEndpoint
{
    public static void MapListProducts(this IEndpointRouteBuilder group) =>
        group.MapGet(CatalogApiPaths.Products, HandleAsync)
            .RequireAuthorization(AuthorizationPolicies.CooperativeMember)
            .WithName("ListProducts")
            .WithSummary("A seller's own products; for the cooperative's administrators, every product of the cooperative.")
            .WithDescription("Filters: status (Draft, Listed, Delisted), sellerId (administrators), q (in the name or code). Newest first, paged.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);

    internal static async Task<Ok<PagedResult<ProductResponse>>> HandleAsync(
        Guid cooperativeId, [OneOfNames(typeof(ProductStatus))] string? status, Guid? sellerId, string? q, [Range(1, int.MaxValue)] int? page, [Range(1, PageRequest.MaxPageSize)] int? pageSize, ClaimsPrincipal caller,
        CatalogDbContext db, CancellationToken cancellationToken)
    {
        var paging = PageRequest.From(page, pageSize);
        var errors = new ValidationErrors();
        var statusFilter = status is null ? (ProductStatus?)null : errors.RequireName<ProductStatus>(status, "status");
        errors.ThrowIfAny();
        await db.FindCooperativeAsync(cooperativeId, cancellationToken);

        var query = db.Products.Where(p => p.CooperativeId == cooperativeId);
        if (!caller.CanAdminister(cooperativeId))
        {
            var self = caller.MembershipIn(cooperativeId)?.MemberId;
            query = query.Where(p => p.SellerId == self);
        }
        else if (sellerId is { } seller)
        {
            query = query.Where(p => p.SellerId == seller);
        }

        if (statusFilter is { } wanted)
        {
            query = query.Where(p => p.Status == wanted);
        }

        if (!string.IsNullOrWhiteSpace(q))
        {
            var text = q.Trim();
            var key = Product.KeyOf(text);
            query = query.Where(p => p.Name.Contains(text) || p.CodeKey.Contains(key));
        }

        var total = await query.CountAsync(cancellationToken);
        var products = await query.Include(p => p.Photos).OrderByDescending(p => p.CreatedAt).ThenBy(p => p.Id)
            .Skip(paging.Skip).Take(paging.PageSize).AsSplitQuery().ToListAsync(cancellationToken);
        return TypedResults.Ok(new PagedResult<ProductResponse>(products.Select(p => p.ToResponse()).ToList(), paging.Page, paging.PageSize, total));
    }
}
