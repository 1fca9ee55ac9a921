using Microsoft.EntityFrameworkCore;
using RuralCommerce.IncomeTracking.Domain.Baselines;
using RuralCommerce.IncomeTracking.Persistence;
using MonthOf = RuralCommerce.IncomeTracking.Domain.Months.Month;

namespace RuralCommerce.IncomeTracking.Features.Common;

/// <summary>
/// The baseline a seller's gains are measured against: the newest version set by an administrator, or else the mean
/// monthly income of the ledger's first three full months (the months after the one of the first posting), once
/// those months have closed. Null while neither exists.
/// </summary>
internal sealed record EffectiveBaseline(BaselineKind Kind, long MonthlyFen, int? Version, int? Year, long? AnnualFen, int? DerivedFromMonth);

internal static class EffectiveBaselines
{
    public static async Task<EffectiveBaseline?> ForSellerAsync(
        this IncomeTrackingDbContext db, Guid sellerId, int currentMonth, CancellationToken cancellationToken)
    {
        var latest = await db.Baselines.AsNoTracking().Where(b => b.SellerId == sellerId).OrderByDescending(b => b.Version)
            .FirstOrDefaultAsync(cancellationToken);
        if (latest is not null)
        {
            return latest.ToEffective();
        }

        return await db.DeriveAsync(sellerId, currentMonth, cancellationToken);
    }

    /// <summary>The mean monthly income of the ledger's first three full months, or null until they have closed.</summary>
    public static async Task<EffectiveBaseline?> DeriveAsync(
        this IncomeTrackingDbContext db, Guid sellerId, int currentMonth, CancellationToken cancellationToken)
    {
        var first = await db.MonthlyIncomes.Where(m => m.SellerId == sellerId).MinAsync(m => (int?)m.Month, cancellationToken);
        if (first is null || first + 3 >= currentMonth)
        {
            return null;
        }

        var total = await db.MonthlyIncomes.Where(m => m.SellerId == sellerId && m.Month > first && m.Month <= first + 3)
            .SumAsync(m => m.IncomeFen, cancellationToken);
        return new EffectiveBaseline(BaselineKind.Derived, Baseline.MeanOfThreeMonths(total), null, null, null, first + 1);
    }

    /// <summary>
    /// The effective baseline of every seller of the cooperatives that has one. One query, in which every figure is an
    /// index seek on the seller's own rows (their newest version; the first posting month and the three after it), so
    /// its cost grows with the cooperative's sellers, not with the ledger.
    /// </summary>
    public static async Task<Dictionary<Guid, EffectiveBaseline>> ForCooperativesAsync(
        this IncomeTrackingDbContext db, IReadOnlyCollection<Guid> cooperativeIds, int currentMonth, CancellationToken cancellationToken)
    {
        var rows = await db.Sellers.AsNoTracking()
            .Where(s => cooperativeIds.Contains(s.CooperativeId))
            .Select(s => new
            {
                s.Id,
                Latest = db.Baselines.Where(b => b.SellerId == s.Id).OrderByDescending(b => b.Version).FirstOrDefault(),
                First = db.MonthlyIncomes.Where(m => m.SellerId == s.Id).Min(m => (int?)m.Month),
            })
            .Select(x => new
            {
                x.Id,
                x.Latest,
                x.First,
                Derived = x.Latest == null && x.First != null && x.First + 3 < currentMonth
                    ? db.MonthlyIncomes.Where(m => m.SellerId == x.Id && m.Month > x.First && m.Month <= x.First + 3).Sum(m => (long?)m.IncomeFen) ?? 0
                    : (long?)null,
            })
            .Where(x => x.Latest != null || x.Derived != null)
            .ToListAsync(cancellationToken);
        return rows.ToDictionary(
            x => x.Id,
            x => x.Latest is not null
                ? x.Latest.ToEffective()
                : new EffectiveBaseline(BaselineKind.Derived, Baseline.MeanOfThreeMonths(x.Derived!.Value), null, null, null, x.First + 1));
    }

    public static EffectiveBaseline ToEffective(this Baseline b) => new(b.Kind, b.MonthlyFen, b.Version, b.Year, b.AnnualFen, null);

    public static string? DerivedFromLabel(this EffectiveBaseline b) => b.DerivedFromMonth is { } m ? MonthOf.Label(m) : null;
}
