using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using RuralCommerce.Cooperatives.Domain.Cooperatives;
using RuralCommerce.Cooperatives.Persistence;
using RuralCommerce.Shared.Infrastructure.Security;
using RuralCommerce.Shared.Infrastructure.Web;

namespace RuralCommerce.Cooperatives.Features.ListCooperatives;

internal sealed record CooperativeSummary(Guid CooperativeId, string Name, string Province, string County, string Township, string Status);

internal static class ListCooperativesEndpoint
{
    public static void MapListCooperatives(this IEndpointRouteBuilder group) =>
        group.MapGet(CooperativesApiPaths.Cooperatives, HandleAsync)
            .WithName("ListCooperatives")
            .WithDescription("Platform administrators see every cooperative; anyone else sees the cooperatives they belong to. Paged (page, pageSize ≤ 100).")
            .WithSummary("Searches cooperatives by province, county and name. Platform administrators see all; others see their own.")
            .ProducesValidationProblem();

    internal static async Task<Ok<PagedResult<CooperativeSummary>>> HandleAsync(
        ClaimsPrincipal caller, CooperativesDbContext db, string? province, string? county, string? name, [Range(1, int.MaxValue)] int? page, [Range(1, PageRequest.MaxPageSize)] int? pageSize,
        CancellationToken cancellationToken)
    {
        var paging = PageRequest.From(page, pageSize);
        var query = db.Cooperatives.AsNoTracking();
        if (!caller.IsPlatformAdmin())
        {
            var mine = caller.Memberships().Select(m => new CooperativeId(m.CooperativeId)).ToList();
            query = query.Where(c => mine.Contains(c.Id));
        }

        if (!string.IsNullOrWhiteSpace(province))
        {
            query = query.Where(c => c.Address.Province == province.Trim());
        }

        if (!string.IsNullOrWhiteSpace(county))
        {
            query = query.Where(c => c.Address.County == county.Trim());
        }

        if (!string.IsNullOrWhiteSpace(name))
        {
            query = query.Where(c => c.Name.Contains(name.Trim()));
        }

        var total = await query.CountAsync(cancellationToken);
        var items = await query
            .OrderBy(c => c.Name).ThenBy(c => c.Id)
            .Skip(paging.Skip).Take(paging.PageSize)
            .Select(c => new CooperativeSummary(c.Id.Value, c.Name, c.Address.Province, c.Address.County, c.Address.Township, c.Status.ToString()))
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(new PagedResult<CooperativeSummary>(items, paging.Page, paging.PageSize, total));
    }
}
