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

namespace RuralCommerce.Catalog.Features.SearchShop;

internal enum ShopSort
{
    Newest,
    PriceAscending,
    PriceDescending,
    Name,
}

/// <summary>
/// A page of the shop. <c>totalCount</c> is exact up to 1,000 matches; past that it reads 1,000 and
/// <c>totalCountIsCapped</c> is true (nobody pages through a thousand products, and counting all of them costs a scan).
/// </summary>
internal sealed record ShopResults(IReadOnlyList<ShopProductSummary> Items, int Page, int PageSize, int TotalCount, bool TotalCountIsCapped);

/// <summary>What a buyer looks for: every part optional.</summary>
internal sealed record ShopSearch(
    [property: MaxLength(100)] string? Q,
    [property: OneOfNames(typeof(ProductCategory))] string? Category,
    Guid? CooperativeId,
    [property: MaxLength(50)] string? County,
    [property: Range(0, (double)SearchShopEndpoint.MaxPriceFilter)] decimal? MinPrice,
    [property: Range(0, (double)SearchShopEndpoint.MaxPriceFilter)] decimal? MaxPrice,
    [property: OneOfNames(typeof(ShopSort))] string? Sort,
    [property: Range(1, int.MaxValue)] int? Page,
    [property: Range(1, PageRequest.MaxPageSize)] int? PageSize);

internal static class SearchShopEndpoint
{
    public static void MapSearchShop(this IEndpointRouteBuilder group) =>
        group.MapGet(CatalogApiPaths.ShopProducts, HandleAsync)
            .AllowAnonymous()
            .WithName("SearchShop")
            .WithSummary("The shop: listed products, searched by text in the name and description, category, cooperative, county and price range.")
            .WithDescription("Anyone, without signing in. sort: Newest (default), PriceAscending, PriceDescending, Name. Prices in yuan. Paged (pageSize ≤ 100). " +
                "totalCount is exact up to 1,000 matches; beyond, it reads 1,000 with totalCountIsCapped = true.")
            .ProducesValidationProblem();

    public const int MaxCounted = 1_000;

    /// <summary>The highest price a filter may name, in yuan: beyond it no product is priced and the fen would overflow.</summary>
    public const decimal MaxPriceFilter = 10_000_000_000m;

    internal static async Task<Ok<ShopResults>> HandleAsync(
        [AsParameters] ShopSearch search, CatalogDbContext db, CancellationToken cancellationToken)
    {
        var (matching, sorted, paging) = Filter(db, search);
        var items = await sorted.ToSummariesAsync(db, paging.Skip, paging.PageSize, cancellationToken);
        // A page that is not full ends the list: its count is known without another scan (a rare word scans once).
        var total = items.Count > 0 && items.Count < paging.PageSize
            ? paging.Skip + items.Count
            : await matching.Take(MaxCounted + 1).CountAsync(cancellationToken);
        return TypedResults.Ok(new ShopResults(items, paging.Page, paging.PageSize, Math.Min(total, MaxCounted), total > MaxCounted));
    }

    /// <summary>
    /// The listed products matching <paramref name="search"/>, and the same sorted (counting never sorts); bad parameters
    /// are a 400 with every field's error.
    /// </summary>
    public static (IQueryable<Product> Matching, IQueryable<Product> Sorted, PageRequest Paging) Filter(CatalogDbContext db, ShopSearch search)
    {
        var paging = PageRequest.From(search.Page, search.PageSize);
        var errors = new ValidationErrors();
        var category = search.Category is null ? (ProductCategory?)null : errors.RequireName<ProductCategory>(search.Category, "category");
        var sort = search.Sort is null ? ShopSort.Newest : errors.RequireName<ShopSort>(search.Sort, "sort");
        errors.Require(search.MinPrice is null or (>= 0m and <= MaxPriceFilter), "minPrice", $"minPrice is from 0 to {MaxPriceFilter} yuan.");
        errors.Require(search.MaxPrice is null or (>= 0m and <= MaxPriceFilter), "maxPrice", $"maxPrice is from 0 to {MaxPriceFilter} yuan.");
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

        // Sorting first by a column the filter fixes (in the sort key's direction) changes nothing for the reader, but
        // lets SQLite walk the (Status, Category|OriginCounty, sort key) index instead of sorting every match.
        IOrderedQueryable<Product> By(bool descending) => (category, county) switch
        {
            (not null, _) => descending ? query.OrderByDescending(p => p.Category) : query.OrderBy(p => p.Category),
            (null, not null) => descending ? query.OrderByDescending(p => p.OriginCounty) : query.OrderBy(p => p.OriginCounty),
            _ => descending ? query.OrderByDescending(p => p.Status) : query.OrderBy(p => p.Status),
        };
        IQueryable<Product> sorted = sort switch
        {
            ShopSort.PriceAscending => By(descending: false).ThenBy(p => p.ListPriceFen).ThenBy(p => p.Id),
            ShopSort.PriceDescending => By(descending: true).ThenByDescending(p => p.ListPriceFen).ThenBy(p => p.Id),
            ShopSort.Name => By(descending: false).ThenBy(p => p.Name).ThenBy(p => p.Id),
            _ => By(descending: true).ThenByDescending(p => p.ListedAt).ThenBy(p => p.Id),
        };
        return (query, sorted, paging);
    }
}
