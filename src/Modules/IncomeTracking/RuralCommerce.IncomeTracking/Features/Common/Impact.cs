using Microsoft.EntityFrameworkCore;
using RuralCommerce.IncomeTracking.Domain.Months;
using RuralCommerce.IncomeTracking.Persistence;

namespace RuralCommerce.IncomeTracking.Features.Common;

/// <summary>Income of one source over the period, in yuan, and its share of income (subsidies: share of nothing, null).</summary>
internal sealed record SourceTotal(string Source, decimal Amount, decimal? SharePercent);

/// <summary>How many sellers' gain over baseline fell in [from, to) percent (null bounds are open).</summary>
internal sealed record GainBucket(string Label, decimal? FromPercent, decimal? ToPercent, int Sellers);

/// <summary>One cooperative's line of a county report: its sellers, whose income rose, the median gain and its income (yuan).</summary>
internal sealed record CooperativeImpact(
    Guid CooperativeId, string? Name, int Sellers, int SellersWithBaseline, int SellersWithGain, decimal? ShareWithGain, decimal? MedianGainPercent,
    decimal Income, decimal? LivestreamSharePercent);

internal sealed record TopLivestream(Guid LivestreamId, string? Title, decimal SellerIncome);

/// <summary>A product by what it earned its seller, net of commission (refunds after completion are not split by product).</summary>
internal sealed record TopProduct(Guid ProductId, string Name, decimal SellerIncome);

/// <summary>
/// Trained against untrained sellers for one course topic: mean and median monthly income (yuan) in the window before
/// and after each trained seller's completion month, the untrained over the same calendar windows, and the
/// difference-in-differences of the means. IndicativeOnly when either group has fewer than 30 sellers.
/// </summary>
internal sealed record TrainingEffectRow(
    string Topic, int Trained, int Untrained, decimal? TrainedBeforeMean, decimal? TrainedAfterMean, decimal? TrainedBeforeMedian,
    decimal? TrainedAfterMedian, decimal? UntrainedBeforeMean, decimal? UntrainedAfterMean, decimal? UntrainedBeforeMedian,
    decimal? UntrainedAfterMedian, decimal? DifferenceInDifferences, bool IndicativeOnly);

/// <summary>
/// The impact of the platform on a set of cooperatives' sellers over a period, in yuan. Sellers are the members who
/// had joined by the period's end. A seller's gain compares their income in the period's closed months with their
/// baseline for as many months; sellersWithGain are those whose gain reached the threshold (a zero baseline: any
/// income), and shareWithGain is their share of the sellers with a baseline.
/// </summary>
internal sealed record ImpactFigures(
    string Period, DateOnly From, DateOnly To, int ComparedMonths, decimal ThresholdPercent, int Sellers, int SellersWithBaseline, int SellersWithGain,
    decimal? ShareWithGain, decimal? MedianGain, decimal? MedianGainPercent, decimal Income, decimal Subsidy, IReadOnlyList<SourceTotal> IncomeBySource,
    IReadOnlyList<MonthIncomeResponse> IncomeByMonth, IReadOnlyList<GainBucket> GainDistribution, IReadOnlyList<TopLivestream> TopLivestreams,
    IReadOnlyList<TopProduct> TopProducts, int TrainingWindowMonths, IReadOnlyList<TrainingEffectRow> TrainingEffect, IReadOnlyList<CooperativeImpact> Cooperatives);

/// <summary>Every figure is aggregated by the database from the monthly roll-ups; only per-seller totals come back.</summary>
internal static class Impact
{
    public const int SmallGroup = 30;

    private static readonly (string Label, decimal? From, decimal? To)[] Buckets =
        [("<0%", null, 0m), ("0–10%", 0m, 10m), ("10–20%", 10m, 20m), ("20–50%", 20m, 50m), ("50–100%", 50m, 100m), ("≥100%", 100m, null)];

    public static async Task<ImpactFigures> ComputeAsync(
        this IncomeTrackingDbContext db, IReadOnlyCollection<Guid> cooperativeIds, string label, Period period, int currentMonth,
        IncomeTrackingOptions options, CancellationToken cancellationToken)
    {
        var lastDay = Month.FirstDay(period.Last + 1).AddDays(-1);
        var sellers = await db.Sellers.AsNoTracking().Where(s => cooperativeIds.Contains(s.CooperativeId) && s.JoinedOn <= lastDay)
            .Select(s => new { s.Id, s.CooperativeId }).ToListAsync(cancellationToken);
        var comparedLast = Math.Min(period.Last, currentMonth - 1);
        var compared = Math.Max(0, comparedLast - period.First + 1);
        var rollups = db.MonthlyIncomes.AsNoTracking().Where(m => cooperativeIds.Contains(m.CooperativeId));
        var incomeBySeller = await db.Sellers.AsNoTracking()
            .Where(s => cooperativeIds.Contains(s.CooperativeId) && s.JoinedOn <= lastDay)
            .Select(s => new
            {
                s.Id,
                Income = db.MonthlyIncomes.Where(m => m.SellerId == s.Id && m.Month >= period.First && m.Month <= comparedLast).Sum(m => (long?)m.IncomeFen) ?? 0,
            })
            .ToDictionaryAsync(x => x.Id, x => x.Income, cancellationToken);
        var baselines = await db.ForCooperativesAsync(cooperativeIds, currentMonth, cancellationToken);

        var gains = new List<(Guid CooperativeId, long GainFen, decimal? Percent, bool Rose)>();
        foreach (var seller in sellers)
        {
            if (compared == 0 || !baselines.TryGetValue(seller.Id, out var baseline))
            {
                continue;
            }

            var baselineFen = baseline.MonthlyFen * compared;
            var gain = incomeBySeller.GetValueOrDefault(seller.Id) - baselineFen;
            gains.Add((seller.CooperativeId, gain, Yuan.Percent(gain, baselineFen),
                baselineFen == 0 ? gain > 0 : gain * 100m >= options.GainThresholdPercent * baselineFen));
        }

        var months = await rollups.Where(m => m.Month >= period.First && m.Month <= period.Last)
            .GroupBy(m => m.Month)
            .Select(g => new MonthSums(g.Key, g.Sum(m => m.ShopFen), g.Sum(m => m.LivestreamFen), g.Sum(m => m.ImportedFen), g.Sum(m => m.OfflineSaleFen),
                g.Sum(m => m.WagesFen), g.Sum(m => m.OtherFen), g.Sum(m => m.SubsidyFen), g.Sum(m => m.IncomeFen)))
            .ToListAsync(cancellationToken);
        var income = months.Sum(m => m.IncomeFen);
        SourceTotal Source(string name, long fen) => new(name, Yuan.Of(fen), name == "Subsidy" ? null : Yuan.Percent(fen, income));

        var top = await db.LivestreamIncomes.AsNoTracking()
            .Where(l => cooperativeIds.Contains(l.CooperativeId) && l.Month >= period.First && l.Month <= period.Last)
            .GroupBy(l => l.LivestreamId).Select(g => new { LivestreamId = g.Key, Amount = g.Sum(l => l.AmountFen) })
            .OrderByDescending(x => x.Amount).Take(10).ToListAsync(cancellationToken);
        var topIds = top.Select(t => t.LivestreamId).ToList();
        var titles = await db.Livestreams.AsNoTracking().Where(l => topIds.Contains(l.Id)).ToDictionaryAsync(l => l.Id, l => l.Title, cancellationToken);

        var byCooperative = await rollups.Where(m => m.Month >= period.First && m.Month <= period.Last)
            .GroupBy(m => m.CooperativeId).Select(g => new { CooperativeId = g.Key, Income = g.Sum(m => m.IncomeFen), Livestream = g.Sum(m => m.LivestreamFen) })
            .ToDictionaryAsync(x => x.CooperativeId, cancellationToken);
        var names = await db.Cooperatives.AsNoTracking().Where(c => cooperativeIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Name, cancellationToken);
        var cooperatives = cooperativeIds.Select(id =>
        {
            var own = gains.Where(g => g.CooperativeId == id).ToList();
            var ownRose = own.Count(g => g.Rose);
            var ownIncome = byCooperative.GetValueOrDefault(id);
            return new CooperativeImpact(
                id, names.GetValueOrDefault(id), sellers.Count(s => s.CooperativeId == id), own.Count, ownRose,
                own.Count == 0 ? null : Math.Round(ownRose * 100m / own.Count, 2, MidpointRounding.AwayFromZero),
                Median(own.Where(g => g.Percent is not null).Select(g => (g.Percent!.Value, 1L)).ToList()) is { } median
                    ? Math.Round(median, 2, MidpointRounding.AwayFromZero) : null,
                Yuan.Of(ownIncome?.Income ?? 0), ownIncome is null ? null : Yuan.Percent(ownIncome.Livestream, ownIncome.Income));
        }).OrderByDescending(c => c.Income).ToList();

        var topProducts = await db.ProductIncomes.AsNoTracking()
            .Where(p => cooperativeIds.Contains(p.CooperativeId) && p.Month >= period.First && p.Month <= period.Last)
            .GroupBy(p => p.ProductId).Select(g => new { ProductId = g.Key, Amount = g.Sum(p => p.AmountFen), Name = g.Max(p => p.ProductName) })
            .OrderByDescending(x => x.Amount).Take(10).ToListAsync(cancellationToken);

        var percents = gains.Where(g => g.Percent is not null).Select(g => g.Percent!.Value).ToList();
        var rose = gains.Count(g => g.Rose);
        return new ImpactFigures(
            label, Month.FirstDay(period.First), lastDay, compared, options.GainThresholdPercent, sellers.Count, gains.Count, rose,
            gains.Count == 0 ? null : Math.Round(rose * 100m / gains.Count, 2, MidpointRounding.AwayFromZero),
            gains.Count == 0 ? null : Math.Round(Median(gains.Select(g => ((decimal)g.GainFen, 1L)).ToList())!.Value / 100m, 2, MidpointRounding.AwayFromZero),
            Median(percents.Select(p => (p, 1L)).ToList()) is { } medianPercent ? Math.Round(medianPercent, 2, MidpointRounding.AwayFromZero) : null,
            Yuan.Of(income), Yuan.Of(months.Sum(m => m.SubsidyFen)),
            [
                Source("Livestream", months.Sum(m => m.LivestreamFen)), Source("Shop", months.Sum(m => m.ShopFen)),
                Source("Imported", months.Sum(m => m.ImportedFen)), Source("OfflineSale", months.Sum(m => m.OfflineSaleFen)),
                Source("Wages", months.Sum(m => m.WagesFen)), Source("Other", months.Sum(m => m.OtherFen)), Source("Subsidy", months.Sum(m => m.SubsidyFen)),
            ],
            MonthSums.Trend(months, period, currentMonth),
            Buckets.Select(b => new GainBucket(b.Label, b.From, b.To, percents.Count(p => (b.From is null || p >= b.From) && (b.To is null || p < b.To))))
                .ToList(),
            top.Select(t => new TopLivestream(t.LivestreamId, titles.GetValueOrDefault(t.LivestreamId), Yuan.Of(t.Amount))).ToList(),
            topProducts.Select(p => new TopProduct(p.ProductId, p.Name ?? "", Yuan.Of(p.Amount))).ToList(),
            options.TrainingEffectWindowMonths,
            await db.TrainingEffectAsync(cooperativeIds, sellers.Select(s => s.Id).ToList(), period, currentMonth, options.TrainingEffectWindowMonths, cancellationToken),
            cooperatives);
    }

    /// <summary>
    /// For each topic: every seller whose first completion of it fell in month m of the period (and whose after-window
    /// has closed) gives one observation, the mean monthly income of m−N…m−1 and m+1…m+N; the untrained (no course of
    /// any topic completed by the period's end) give one observation per trained seller's window, so both groups are
    /// seen over the same calendar months.
    /// </summary>
    private static async Task<List<TrainingEffectRow>> TrainingEffectAsync(
        this IncomeTrackingDbContext db, IReadOnlyCollection<Guid> cooperativeIds, IReadOnlyList<Guid> sellers, Period period, int currentMonth, int window,
        CancellationToken cancellationToken)
    {
        var lastDay = Month.FirstDay(period.Last + 1).AddDays(-1);
        var completions = await db.TrainingCompletions.AsNoTracking()
            .Where(t => cooperativeIds.Contains(t.CooperativeId) && !t.Revoked && t.CompletedOn <= lastDay)
            .GroupBy(t => new { t.SellerId, t.Topic }).Select(g => new { g.Key.SellerId, g.Key.Topic, First = g.Min(t => t.CompletedOn) })
            .ToListAsync(cancellationToken);
        var trainedEver = completions.Select(c => c.SellerId).ToHashSet();
        var untrained = sellers.Where(s => !trainedEver.Contains(s)).ToList();
        var cohorts = completions
            .Select(c => (c.SellerId, c.Topic, Month: Month.Of(c.First)))
            .Where(c => period.Contains(c.Month) && c.Month + window < currentMonth)
            .ToList();

        var windows = new Dictionary<int, Dictionary<Guid, (long Before, long After)>>();
        foreach (var m in cohorts.Select(c => c.Month).Distinct())
        {
            windows[m] = await db.MonthlyIncomes.AsNoTracking()
                .Where(r => cooperativeIds.Contains(r.CooperativeId) && r.Month >= m - window && r.Month <= m + window && r.Month != m)
                .GroupBy(r => r.SellerId)
                .Select(g => new { SellerId = g.Key, Before = g.Sum(r => r.Month < m ? r.IncomeFen : 0), After = g.Sum(r => r.Month > m ? r.IncomeFen : 0) })
                .ToDictionaryAsync(x => x.SellerId, x => (x.Before, x.After), cancellationToken);
        }

        var rows = new List<TrainingEffectRow>();
        foreach (var topic in cohorts.GroupBy(c => c.Topic).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var trained = topic.Select(c => windows[c.Month].GetValueOrDefault(c.SellerId)).ToList();
            var untrainedBefore = new List<(decimal, long)>();
            var untrainedAfter = new List<(decimal, long)>();
            foreach (var cohort in topic.GroupBy(c => c.Month))
            {
                foreach (var seller in untrained)
                {
                    var (before, after) = windows[cohort.Key].GetValueOrDefault(seller);
                    untrainedBefore.Add((before, cohort.Count()));
                    untrainedAfter.Add((after, cohort.Count()));
                }
            }

            var trainedBeforeMean = Mean(trained.Select(t => ((decimal)t.Before, 1L)).ToList());
            var trainedAfterMean = Mean(trained.Select(t => ((decimal)t.After, 1L)).ToList());
            var untrainedBeforeMean = Mean(untrainedBefore);
            var untrainedAfterMean = Mean(untrainedAfter);
            decimal? did = trainedAfterMean - trainedBeforeMean - (untrainedAfterMean - untrainedBeforeMean);
            rows.Add(new TrainingEffectRow(
                topic.Key, trained.Count, untrained.Count,
                MonthlyYuan(trainedBeforeMean, window), MonthlyYuan(trainedAfterMean, window),
                MonthlyYuan(Median(trained.Select(t => ((decimal)t.Before, 1L)).ToList()), window),
                MonthlyYuan(Median(trained.Select(t => ((decimal)t.After, 1L)).ToList()), window),
                MonthlyYuan(untrainedBeforeMean, window), MonthlyYuan(untrainedAfterMean, window),
                MonthlyYuan(Median(untrainedBefore), window), MonthlyYuan(Median(untrainedAfter), window),
                MonthlyYuan(did, window),
                trained.Count < SmallGroup || untrained.Count < SmallGroup));
        }

        return rows;
    }

    /// <summary>A window's total in fen as a monthly amount in yuan, rounded to the fen.</summary>
    private static decimal? MonthlyYuan(decimal? windowFen, int window) =>
        windowFen is { } fen ? Math.Round(fen / window / 100m, 2, MidpointRounding.AwayFromZero) : null;

    private static decimal? Mean(List<(decimal Value, long Weight)> values)
    {
        var weight = values.Sum(v => v.Weight);
        return weight == 0 ? null : values.Sum(v => v.Value * v.Weight) / weight;
    }

    /// <summary>The median of the values, each counted Weight times (the middle one, or the mean of the middle two).</summary>
    internal static decimal? Median(List<(decimal Value, long Weight)> values)
    {
        var count = values.Sum(v => v.Weight);
        if (count == 0)
        {
            return null;
        }

        values.Sort((a, b) => a.Value.CompareTo(b.Value));
        decimal At(long index)
        {
            foreach (var (value, weight) in values)
            {
                if (index < weight)
                {
                    return value;
                }

                index -= weight;
            }

            throw new InvalidOperationException("Index beyond the values.");
        }

        return count % 2 == 1 ? At(count / 2) : (At((count / 2) - 1) + At(count / 2)) / 2;
    }
}
