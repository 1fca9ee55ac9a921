using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using RuralCommerce.Cooperatives.Domain.Cooperatives;
using RuralCommerce.Cooperatives.Features.Common;
using RuralCommerce.Cooperatives.Persistence;
using RuralCommerce.Shared.Infrastructure.Security;
using RuralCommerce.Shared.Infrastructure.Web;
using RuralCommerce.SharedKernel;

namespace RuralCommerce.Cooperatives.Features.ListArrears;

internal sealed record ArrearResponse(Guid MemberId, string MemberName, string Phone, int Year, decimal Amount, DateTimeOffset ChargedAt);

internal sealed record ArrearsResponse(PagedResult<ArrearResponse> Page, decimal TotalAmount);

internal static class ListArrearsEndpoint
{
    public static void MapListArrears(this IEndpointRouteBuilder group) =>
        group.MapGet(CooperativesApiPaths.Arrears, HandleAsync)
            .RequireAuthorization(AuthorizationPolicies.CooperativeAdmin)
            .WithName("ListDuesArrears")
            .WithSummary("Unpaid dues, oldest year first, with the total owed (optionally for one year).")
            .WithDescription("Cooperative administrators. Paged (page, pageSize ≤ 100); the total is summed over every unpaid charge, not only this page.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);

    internal static async Task<Ok<ArrearsResponse>> HandleAsync(
        Guid cooperativeId, int? year, [Range(1, int.MaxValue)] int? page, [Range(1, PageRequest.MaxPageSize)] int? pageSize, CooperativesDbContext db, CancellationToken cancellationToken)
    {
        var paging = PageRequest.From(page, pageSize);
        await db.FindCooperativeAsync(cooperativeId, cancellationToken);
        var id = new CooperativeId(cooperativeId);
        var unpaid = db.DuesCharges.AsNoTracking().Where(d => d.CooperativeId == id && d.PaidAt == null);
        if (year is not null)
        {
            unpaid = unpaid.Where(d => d.Year == year);
        }

        var total = await unpaid.CountAsync(cancellationToken);
        var totalFen = await unpaid.SumAsync(d => EF.Property<long>(d, "_amountFen"), cancellationToken);
        var rows = await unpaid
            .Join(db.Members, d => d.MemberId, m => m.Id, (d, m) => new { d.MemberId, m.Name, m.Phone, d.Year, AmountFen = EF.Property<long>(d, "_amountFen"), d.ChargedAt })
            .OrderBy(r => r.Year).ThenBy(r => r.Name).ThenBy(r => r.MemberId)
            .Skip(paging.Skip).Take(paging.PageSize)
            .ToListAsync(cancellationToken);
        var items = rows.Select(r => new ArrearResponse(r.MemberId.Value, r.Name, r.Phone.Value, r.Year, Money.FromFen(r.AmountFen).Amount, r.ChargedAt)).ToList();
        return TypedResults.Ok(new ArrearsResponse(
            new PagedResult<ArrearResponse>(items, paging.Page, paging.PageSize, total), Money.FromFen(totalFen).Amount));
    }
}
