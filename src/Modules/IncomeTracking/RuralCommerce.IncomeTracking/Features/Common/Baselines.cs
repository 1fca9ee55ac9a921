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

    /// <summary>The effective baseline of every seller of the cooperatives that has one, computed by the database.</summary>
    public static async Task<Dictionary<Guid, EffectiveBaseline>> ForCooperativesAsync(
        this IncomeTrackingDbContext db, IReadOnlyCollection<Guid> cooperativeIds, int currentMonth, CancellationToken cancellationToken)
    {
        var set = await db.Baselines.AsNoTracking()
            .Where(b => db.Sellers.Any(s => s.Id == b.SellerId && cooperativeIds.Contains(s.CooperativeId)))
            .Where(b => b.Version == db.Baselines.Where(o => o.SellerId == b.SellerId).Max(o => o.Version))
            .ToListAsync(cancellationToken);
        var result = set.ToDictionary(b => b.SellerId, b => b.ToEffective());

        var rollups = db.MonthlyIncomes.Where(m => cooperativeIds.Contains(m.CooperativeId));
        var firsts = rollups.GroupBy(m => m.SellerId).Select(g => new { SellerId = g.Key, First = g.Min(m => m.Month) })
            .Where(f => f.First + 3 < currentMonth);
        var derived = await (
                from m in rollups
                join f in firsts on m.SellerId equals f.SellerId
                where m.Month > f.First && m.Month <= f.First + 3
                group m by new { m.SellerId, f.First } into g
                select new { g.Key.SellerId, g.Key.First, Total = g.Sum(m => m.IncomeFen) })
            .ToListAsync(cancellationToken);
        foreach (var d in derived)
        {
            result.TryAdd(d.SellerId, new EffectiveBaseline(BaselineKind.Derived, Baseline.MeanOfThreeMonths(d.Total), null, null, null, d.First + 1));
        }

        // A seller whose three months earned nothing still has a baseline: zero.
        foreach (var f in await firsts.ToListAsync(cancellationToken))
        {
            result.TryAdd(f.SellerId, new EffectiveBaseline(BaselineKind.Derived, 0, null, null, null, f.First + 1));
        }

        return result;
    }

    public static EffectiveBaseline ToEffective(this Baseline b) => new(b.Kind, b.MonthlyFen, b.Version, b.Year, b.AnnualFen, null);

    public static string? DerivedFromLabel(this EffectiveBaseline b) => b.DerivedFromMonth is { } m ? MonthOf.Label(m) : null;
}
