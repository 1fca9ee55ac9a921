using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using RuralCommerce.Catalog.Domain.Products;
using RuralCommerce.Catalog.Features.Common;
using RuralCommerce.Catalog.Persistence;
using RuralCommerce.Shared.Infrastructure.Web;

namespace RuralCommerce.Catalog.Features.SearchShop;

internal enum ShopSort
{
    Newest,
    PriceAscending,
    PriceDescending,
    Name,
}

/// <summary>What a buyer looks for: every part optional.</summary>
internal sealed record ShopSearch(
    string? Q, string? Category, Guid? CooperativeId, string? County, decimal? MinPrice, decimal? MaxPrice, string? Sort, int? Page, int? PageSize);

internal static class SearchShopEndpoint
{
    public static void MapSearchShop(this IEndpointRouteBuilder group) =>
        group.MapGet(CatalogApiPaths.ShopProducts, HandleAsync)
            .AllowAnonymous()
            .WithName("SearchShop")
            .WithSummary("The shop: listed products, searched by text in the name and description, category, cooperative, county and price range.")
            .WithDescription("Anyone, without signing in. sort: Newest (default), PriceAscending, PriceDescending, Name. Prices in yuan. Paged (pageSize ≤ 100).")
            .ProducesValidationProblem();

    internal static async Task<Ok<PagedResult<ShopProductSummary>>> HandleAsync(
        [AsParameters] ShopSearch search, CatalogDbContext db, CancellationToken cancellationToken)
    {
        var (query, paging) = Filter(db, search);
        var total = await query.CountAsync(cancellationToken);
        var items = await query.ToSummariesAsync(db, paging.Skip, paging.PageSize, cancellationToken);
        return TypedResults.Ok(new PagedResult<ShopProductSummary>(items, paging.Page, paging.PageSize, total));
    }

    /// <summary>The listed products matching <paramref name="search"/>, sorted; bad parameters are a 400 with every field's error.</summary>
    public static (IQueryable<Product> Query, PageRequest Paging) Filter(CatalogDbContext db, ShopSearch search)
    {
        var paging = PageRequest.From(search.Page, search.PageSize);
        var errors = new ValidationErrors();
        var category = search.Category is null ? (ProductCategory?)null : errors.RequireName<ProductCategory>(search.Category, "category");
        var sort = search.Sort is null ? ShopSort.Newest : errors.RequireName<ShopSort>(search.Sort, "sort");
        errors.Require(search.MinPrice is null or >= 0m, "minPrice", "minPrice cannot be negative.");
        errors.Require(search.MaxPrice is null or >= 0m, "maxPrice", "maxPrice cannot be negative.");
        errors.Require(search.MinPrice is null || search.MaxPrice is null || search.MinPrice <= search.MaxPrice, "maxPrice", "maxPrice must be at least minPrice.");
        var text = errors.OptionalText(search.Q, "q", 50);
        var county = errors.OptionalText(search.County, "county", 50);
        errors.ThrowIfAny();

        var query = db.Products.Where(p => p.Status == ProductStatus.Listed);
        if (category is { } c)
        {
            query = query.Where(p => p.Category == c);
        }

        if (search.CooperativeId is { } cooperativeId)
        {
            query = query.Where(p => p.CooperativeId == cooperativeId);
        }

        if (county is not null)
        {
            query = query.Where(p => p.OriginCounty == county);
        }

        if (search.MinPrice is { } min)
        {
            var minFen = (long)decimal.Ceiling(min * 100m);
            query = query.Where(p => p.ListPriceFen >= minFen);
        }

        if (search.MaxPrice is { } max)
        {
            var maxFen = (long)decimal.Floor(Math.Min(max, 1_000_000_000m) * 100m);
            query = query.Where(p => p.ListPriceFen <= maxFen);
        }

        if (text is not null)
        {
            query = query.Where(p => p.Name.Contains(text) || p.Description.Contains(text));
        }

        query = sort switch
        {
            ShopSort.PriceAscending => query.OrderBy(p => p.ListPriceFen).ThenBy(p => p.Id),
            ShopSort.PriceDescending => query.OrderByDescending(p => p.ListPriceFen).ThenBy(p => p.Id),
            ShopSort.Name => query.OrderBy(p => p.Name).ThenBy(p => p.Id),
            _ => query.OrderByDescending(p => p.ListedAt).ThenBy(p => p.Id),
        };
        return (query, paging);
    }
}
