using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using RuralCommerce.IncomeTracking.Domain.Ledger;
using RuralCommerce.IncomeTracking.Features.Common;
using RuralCommerce.IncomeTracking.Persistence;
using RuralCommerce.Shared.Infrastructure.Security;
using RuralCommerce.Shared.Infrastructure.Web;
using RuralCommerce.SharedKernel;

namespace RuralCommerce.IncomeTracking.Features.Ledger;

internal sealed record LedgerEntryResponse(
    Guid EntryId, string Source, string Reference, decimal Gross, decimal Commission, decimal Amount, Guid? LivestreamId, string? Platform,
    DateOnly OccurredOn, DateTimeOffset PostedAt);

/// <summary>A page of a seller's ledger, with the total of every entry the filters keep (not only this page's).</summary>
internal sealed record LedgerPage(IReadOnlyList<LedgerEntryResponse> Items, int Page, int PageSize, int TotalCount, decimal TotalAmount);

internal static class LedgerEndpoints
{
    public static void MapLedger(this IEndpointRouteBuilder group) =>
        group.MapGet(IncomeTrackingApiPaths.Ledger, HandleAsync)
            .RequireAuthorization(AuthorizationPolicies.CooperativeMember)
            .WithName("SellerLedger")
            .WithSummary("A seller's income ledger, newest first: completed sales less commission, refunds after completion.")
            .WithDescription("The member themselves, or the cooperative's administrators (403 for another member; 404 for anyone who is not a member of this cooperative). Filters: from and to (China " +
                "dates of what the entries record, inclusive) and source (Shop, Livestream, Imported, OfflineSale, Subsidy, Wages, Other). " +
                "Amounts in yuan; totalAmount sums every entry the filters keep. Paged (page, pageSize up to 100).")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);

    internal static async Task<Ok<LedgerPage>> HandleAsync(
        Guid cooperativeId, Guid memberId, DateOnly? from, DateOnly? to, [OneOfNames(typeof(IncomeSource))] string? source, [Range(1, int.MaxValue)] int? page, [Range(1, PageRequest.MaxPageSize)] int? pageSize, ClaimsPrincipal caller,
        IncomeTrackingDbContext db, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        IncomeSource? wanted = string.IsNullOrWhiteSpace(source) ? null : errors.RequireName<IncomeSource>(source, "source");
        errors.Require(from is null || to is null || from <= to, "to", "to must not be before from.");
        var paging = PageRequest.From(page, pageSize);
        errors.ThrowIfAny();
        await caller.RequireOwnOrAdministeredMemberAsync(db, cooperativeId, memberId, cancellationToken);

        var entries = db.LedgerEntries.AsNoTracking().Where(e => e.SellerId == memberId && e.CooperativeId == cooperativeId);
        if (from is not null)
        {
            entries = entries.Where(e => e.OccurredOn >= from);
        }

        if (to is not null)
        {
            entries = entries.Where(e => e.OccurredOn <= to);
        }

        if (wanted is not null)
        {
            entries = entries.Where(e => e.Source == wanted);
        }

        var total = await entries.CountAsync(cancellationToken);
        var totalFen = await entries.SumAsync(e => e.AmountFen, cancellationToken);
        var items = await entries.OrderByDescending(e => e.OccurredOn).ThenByDescending(e => e.Id)
            .Skip(paging.Skip).Take(paging.PageSize).ToListAsync(cancellationToken);
        return TypedResults.Ok(new LedgerPage(items.Select(e => new LedgerEntryResponse(
            e.Id, e.Source.ToString(), e.Reference, Money.FromFen(e.GrossFen).Amount, Money.FromFen(e.CommissionFen).Amount, Money.FromFen(e.AmountFen).Amount,
            e.LivestreamId, e.Platform, e.OccurredOn, e.PostedAt)).ToList(), paging.Page, paging.PageSize, total, Money.FromFen(totalFen).Amount));
    }
}
