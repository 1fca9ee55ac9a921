using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using RuralCommerce.IncomeTracking;
using RuralCommerce.IncomeTracking.Domain.Baselines;
using RuralCommerce.IncomeTracking.Domain.Ledger;
using RuralCommerce.IncomeTracking.Domain.Months;
using RuralCommerce.IncomeTracking.Domain.Sellers;
using RuralCommerce.IncomeTracking.Persistence;
using RuralCommerce.SharedKernel;
using RuralCommerce.TestSupport;
using RuralCommerce.TestSupport.Cooperatives;

namespace RuralCommerce.Benchmarks;

/// <summary>
/// A county's ledger at full size: 1,000,000 entries for 10,000 sellers of 10 cooperatives over the 36 months before
/// this one (by default), then the cooperative impact report, one seller's gains and the county report through HTTP:
/// <c>dotnet run -c Release --project tests/RuralCommerce.Benchmarks -- income [entries] [sellers] [requests]</c>.
/// Prints p50 and p99 per request and the process's peak working set.
/// </summary>
internal static class IncomeLoad
{
    private const int Cooperatives = 10;
    private const int Months = 36;
    private static readonly string[] Topics = ["Mushrooms", "Tea", "RiceWine", "Livestreaming"];

    public static async Task<int> RunAsync(string[] args)
    {
        var entries = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 1_000_000;
        var sellers = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 10_000;
        var requests = args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 100;
        HostContentRoot.Point();
        // The outbox dispatcher runs: the cooperative's administrator gets their membership through it.
        using var factory = new ApiFactory();
        var cooperative = await CooperativeScenario.CreateAsync(factory, "湖北", "孝感米酒合作社");

        var seeding = Stopwatch.StartNew();
        var (seller, trained) = await SeedAsync(factory, cooperative.CooperativeId, entries, sellers);
        Console.WriteLine($"Generated {entries:N0} ledger entries for {sellers:N0} sellers ({trained:N0} trained) of {Cooperatives} cooperatives " +
            $"in {seeding.Elapsed.TotalSeconds:0.0} s ({factory.DataDirectory}).");

        var admin = cooperative.Admin.Http;
        var year = Month.FirstDay(Month.Of(DateTimeOffset.UtcNow) - 1).Year.ToString(CultureInfo.InvariantCulture);
        Console.WriteLine($"{"request",-50} {"p50 ms",8} {"p99 ms",8}");
        await Load.MeasureAsync("cooperative impact report, this year", requests,
            () => admin.GetAsync(IncomeTrackingApiPaths.Url(IncomeTrackingApiPaths.Impact, cooperative.CooperativeId) + $"?period={year}"));
        await Load.MeasureAsync("one seller's gains, this year", requests * 5,
            () => admin.GetAsync(IncomeTrackingApiPaths.Url(IncomeTrackingApiPaths.Gains, cooperative.CooperativeId, seller) + $"?period={year}"));
        var platformAdmin = factory.CreateAdminClient();
        await Load.MeasureAsync("county report (10 cooperatives), this year", Math.Max(20, requests / 5),
            () => platformAdmin.GetAsync(IncomeTrackingApiPaths.Url(IncomeTrackingApiPaths.County, "湖北", "Pujiang") + $"?period={year}"));
        Console.WriteLine($"peak working set: {Process.GetCurrentProcess().PeakWorkingSet64 / 1024 / 1024:N0} MB (generator and host in one process)");
        return 0;
    }

    /// <summary>
    /// Sellers spread over ten cooperatives of one county (湖北 Pujiang, the test data's county; the first is the real one, whose administrator asks), each
    /// with about the same number of entries at random days of the 36 months, livestream, shop and imported sales net
    /// of a 5 % commission and some offline sales, wages and subsidies; three in ten completed a course in the second
    /// year and earn a third more after it; half declared a baseline. Written through the DbContext, so the monthly
    /// roll-ups are the ones posting makes.
    /// </summary>
    private static async Task<(Guid Seller, int Trained)> SeedAsync(ApiFactory factory, Guid realCooperative, int entries, int sellers)
    {
        var random = new Random(2026);
        var now = DateTimeOffset.UtcNow;
        var first = Month.Of(now) - Months;
        var cooperatives = Enumerable.Range(0, Cooperatives).Select(i => i == 0 ? realCooperative : Guid.CreateVersion7()).ToArray();
        var livestreams = Enumerable.Range(0, 200).Select(_ => Guid.CreateVersion7()).ToArray();
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<IncomeTrackingDbContext>();
            for (var i = 1; i < Cooperatives; i++)
            {
                db.Cooperatives.Add(Cooperative.Registered(cooperatives[i], $"合作社 {i}", "湖北", "Pujiang"));
            }

            for (var i = 0; i < livestreams.Length; i++)
            {
                db.Livestreams.Add(Livestream.Scheduled(livestreams[i], cooperatives[i % Cooperatives], $"直播 {i}", Month.Start(first + (i % Months))));
            }

            await db.SaveChangesAsync();
        }

        // Completions early enough in this year that the six months after them have closed, so the training-effect table is computed.
        var current = Month.Of(now);
        var firstCompletion = Math.Max(current - (current % 12), current - 10);
        var lastCompletion = Math.Max(firstCompletion, current - 7);
        var perSeller = entries / sellers;
        var trained = 0;
        var firstSeller = Guid.Empty;
        const int sellersPerBatch = 200;
        for (var start = 0; start < sellers; start += sellersPerBatch)
        {
            await using var scope = factory.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<IncomeTrackingDbContext>();
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            for (var n = start; n < Math.Min(sellers, start + sellersPerBatch); n++)
            {
                var seller = Guid.CreateVersion7();
                firstSeller = n == 0 ? seller : firstSeller;
                var cooperativeId = cooperatives[n % Cooperatives];
                db.Sellers.Add(Seller.Joined(seller, cooperativeId, $"农户 {n:D5}", "孝南", Month.FirstDay(first - 1)));
                int? completed = random.NextDouble() < 0.3 ? firstCompletion + random.Next(lastCompletion - firstCompletion + 1) : null;
                if (completed is { } month)
                {
                    trained++;
                    db.TrainingCompletions.Add(TrainingCompletion.Of(
                        Guid.CreateVersion7(), seller, cooperativeId, Guid.CreateVersion7(), "课程", Topics[n % Topics.Length], Month.FirstDay(month).AddDays(9)));
                }

                if (n % 2 == 0)
                {
                    db.Baselines.Add(Baseline.Declared(seller, 1, random.Next(6_000, 30_000) * 100L, Month.FirstDay(first).Year - 1, null, Guid.Empty, now));
                }

                for (var e = 0; e < perSeller + (n < entries % sellers ? 1 : 0); e++)
                {
                    var posted = Month.Start(first).AddMinutes(random.NextDouble() * (now - Month.Start(first)).TotalMinutes);
                    if (posted >= Month.Start(first + Months))
                    {
                        posted = Month.Start(first + Months).AddMinutes(-1);
                    }

                    var uplift = completed is { } m && Month.Of(posted) > m ? 1.33 : 1.0;
                    var gross = (long)(random.Next(2_000, 50_000) * uplift);
                    var roll = random.NextDouble();
                    var source = roll switch
                    {
                        < 0.40 => IncomeSource.Livestream,
                        < 0.75 => IncomeSource.Shop,
                        < 0.85 => IncomeSource.Imported,
                        < 0.95 => IncomeSource.OfflineSale,
                        < 0.97 => IncomeSource.Wages,
                        _ => IncomeSource.Subsidy,
                    };
                    db.LedgerEntries.Add(source is IncomeSource.Livestream or IncomeSource.Shop or IncomeSource.Imported
                        ? LedgerEntry.Sale(Guid.CreateVersion7(), seller, cooperativeId, source, $"order:{Guid.CreateVersion7()}", gross, gross / 20,
                            source == IncomeSource.Livestream ? livestreams[random.Next(livestreams.Length)] : null, null, ChinaTime.Today(posted), posted)
                        : LedgerEntry.Manual(Guid.CreateVersion7(), seller, cooperativeId, source, gross, null, ChinaTime.Today(posted), posted));
                }
            }

            db.ChangeTracker.DetectChanges();
            await db.SaveChangesAsync();
        }

        return (firstSeller, trained);
    }
}
