using RuralCommerce.IncomeTracking.Domain.Months;
using RuralCommerce.SharedKernel;

namespace RuralCommerce.IncomeTracking.Features.Common;

/// <summary>One month's income by source, in yuan; income is every source but subsidies. Closed is false for the month still running.</summary>
internal sealed record MonthIncomeResponse(
    string Month, bool Closed, decimal Shop, decimal Livestream, decimal Imported, decimal OfflineSale, decimal Wages, decimal Other, decimal Subsidy,
    decimal Income);

/// <summary>Sums of roll-up rows (one seller's or a whole cooperative's), in fen.</summary>
internal sealed record MonthSums(
    int Month, long ShopFen, long LivestreamFen, long ImportedFen, long OfflineSaleFen, long WagesFen, long OtherFen, long SubsidyFen, long IncomeFen)
{
    public MonthIncomeResponse ToResponse(int currentMonth) => new(
        Domain.Months.Month.Label(Month), Month < currentMonth, Yuan.Of(ShopFen), Yuan.Of(LivestreamFen), Yuan.Of(ImportedFen), Yuan.Of(OfflineSaleFen),
        Yuan.Of(WagesFen), Yuan.Of(OtherFen), Yuan.Of(SubsidyFen), Yuan.Of(IncomeFen));

    /// <summary>Every month of the period up to the current one, months without income as zeros.</summary>
    public static IReadOnlyList<MonthIncomeResponse> Trend(IEnumerable<MonthSums> sums, Period period, int currentMonth)
    {
        var byMonth = sums.ToDictionary(s => s.Month);
        var last = Math.Min(period.Last, currentMonth);
        return Enumerable.Range(period.First, Math.Max(0, last - period.First + 1))
            .Select(m => (byMonth.GetValueOrDefault(m) ?? new MonthSums(m, 0, 0, 0, 0, 0, 0, 0, 0)).ToResponse(currentMonth))
            .ToList();
    }
}

internal static class Yuan
{
    public static decimal Of(long fen) => Money.FromFen(fen).Amount;

    /// <summary>A share in percent, two decimals; null when there is nothing to compare with.</summary>
    public static decimal? Percent(long part, long whole) =>
        whole == 0 ? null : Math.Round(part * 100m / whole, 2, MidpointRounding.AwayFromZero);
}
