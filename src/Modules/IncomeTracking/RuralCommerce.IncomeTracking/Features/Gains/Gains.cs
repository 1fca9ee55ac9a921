using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using RuralCommerce.IncomeTracking.Domain.Months;
using RuralCommerce.IncomeTracking.Features.Common;
using RuralCommerce.IncomeTracking.Persistence;
using RuralCommerce.Shared.Infrastructure.Security;
using RuralCommerce.Shared.Infrastructure.Web;
using RuralCommerce.SharedKernel;

namespace RuralCommerce.IncomeTracking.Features.Gains;

/// <summary>The baseline used: Declared (with its version, year and annual amount) or Derived (from the ledger's first three full months).</summary>
internal sealed record BaselineUsed(string Kind, decimal Monthly, int? Version, int? Year, decimal? Annual, string? DerivedFrom);

/// <summary>
/// A seller's income for a period against their baseline, in yuan. The gain compares the period's closed months
/// (comparedMonths) with the baseline for as many months; the month still running is in the trend, not in the gain.
/// </summary>
internal sealed record GainsResponse(
    string Period, DateOnly From, DateOnly To, int ComparedMonths, decimal Income, decimal Subsidy, BaselineUsed? Baseline, decimal? BaselineForPeriod,
    decimal? Gain, decimal? GainPercent, IReadOnlyList<MonthIncomeResponse> Trend);

internal static class GainsEndpoints
{
    public static void MapGains(this IEndpointRouteBuilder group) =>
        group.MapGet(IncomeTrackingApiPaths.Gains, HandleAsync)
            .RequireAuthorization(AuthorizationPolicies.CooperativeMember)
            .WithName("SellerGains")
            .WithSummary("A seller's income for a month, quarter or year against their baseline: gain in yuan and percent, and the monthly trend by source.")
            .WithDescription("The member themselves, or the cooperative's administrators (403 for another member; 404 for anyone who is not a member of this cooperative). period is yyyy-MM, yyyy-Qn or " +
                "yyyy (default: this year). Months are posting months in China time. Income counts every source but subsidies (shown beside " +
                "it). The gain compares the period's closed months with the baseline for as many months: the newest baseline an " +
                "administrator set, or else the mean monthly income of the ledger's first three full months. Without a baseline, gain is null.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);

    internal static async Task<Ok<GainsResponse>> HandleAsync(
        Guid cooperativeId, Guid memberId, [RegularExpression(ImpactRequest.PeriodPattern)] string? period, ClaimsPrincipal caller, IncomeTrackingDbContext db, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var current = Month.Of(now);
        var (span, label) = ImpactRequest.ReadPeriod(period, clock);
        await caller.RequireOwnOrAdministeredMemberAsync(db, cooperativeId, memberId, cancellationToken);

        // The seller's own rows by the primary key (seller, month); the cooperative is checked on the few rows read, so
        // SQLite never walks the cooperative's index instead.
        var rows = await db.MonthlyIncomes.AsNoTracking()
            .Where(m => m.SellerId == memberId && m.Month >= span.First && m.Month <= span.Last)
            .ToListAsync(cancellationToken);
        var sums = rows.Where(m => m.CooperativeId == cooperativeId)
            .Select(m => new MonthSums(m.Month, m.ShopFen, m.LivestreamFen, m.ImportedFen, m.OfflineSaleFen, m.WagesFen, m.OtherFen, m.SubsidyFen, m.IncomeFen))
            .ToList();
        var baseline = await db.ForSellerAsync(memberId, current, cancellationToken);
        var compared = Math.Max(0, Math.Min(span.Last, current - 1) - span.First + 1);
        var comparedIncome = sums.Where(s => s.Month < current).Sum(s => s.IncomeFen);
        long? baselineFen = baseline is null ? null : baseline.MonthlyFen * compared;
        long? gainFen = baselineFen is null || compared == 0 ? null : comparedIncome - baselineFen;
        return TypedResults.Ok(new GainsResponse(
            label,
            Month.FirstDay(span.First), Month.FirstDay(span.Last + 1).AddDays(-1), compared,
            Yuan.Of(sums.Sum(s => s.IncomeFen)), Yuan.Of(sums.Sum(s => s.SubsidyFen)),
            baseline is null ? null : new BaselineUsed(baseline.Kind.ToString(), Yuan.Of(baseline.MonthlyFen), baseline.Version, baseline.Year,
                baseline.AnnualFen is { } annual ? Yuan.Of(annual) : null, baseline.DerivedFromLabel()),
            baselineFen is { } b && compared > 0 ? Yuan.Of(b) : null,
            gainFen is { } g ? Yuan.Of(g) : null,
            gainFen is { } g2 && baselineFen is { } b2 ? Yuan.Percent(g2, b2) : null,
            MonthSums.Trend(sums, span, current)));
    }
}
