using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RuralCommerce.IncomeTracking.Domain.Ledger;
using RuralCommerce.IncomeTracking.Domain.Months;
using RuralCommerce.IncomeTracking.Domain.Sellers;
using RuralCommerce.IncomeTracking.Features.Baselines;
using RuralCommerce.IncomeTracking.Features.Common;
using RuralCommerce.IncomeTracking.Features.CountyReport;
using RuralCommerce.IncomeTracking.Features.Gains;
using RuralCommerce.IncomeTracking.Features.Statements;
using RuralCommerce.IncomeTracking.Persistence;
using RuralCommerce.Orders;
using RuralCommerce.Orders.Contracts;
using RuralCommerce.SharedKernel;
using RuralCommerce.TestSupport.IncomeTracking;

namespace RuralCommerce.IncomeTracking.Tests;

/// <summary>
/// Gains, baselines, the impact report's training effect and statements, checked against a small ledger whose figures
/// are worked out by hand below. The ledger is written straight into the module's database, months in the past.
/// </summary>
public sealed class ReportTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private static readonly int Now = IncomeLedger.CurrentMonth;

    [Fact]
    public async Task Gains_baselines_and_the_training_effect_match_the_figures_worked_out_by_hand()
    {
        // Completion month m, eight months back: the six months after it have closed.
        var m = Now - 8;
        var cooperative = await CooperativeScenario.CreateAsync(factory, "Yunnan", "Lancang Tea Cooperative");
        var (t1, t2, u1, u2, u3) = (Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7());
        await factory.SeedIncomeAsync(db =>
        {
            foreach (var seller in new[] { t1, t2, u1, u2, u3 })
            {
                db.Sellers.Add(Seller.Joined(seller, cooperative.CooperativeId, $"Seller {seller:N}"[..12], "Mangjing", Month.FirstDay(m - 12)));
            }

            // Monthly income in yuan before (m−6…m−1) and after (m+1…m+6) the completion month; nothing in m itself.
            foreach (var (seller, before, after) in new[] { (t1, 100, 160), (t2, 200, 260), (u1, 100, 120), (u2, 300, 300), (u3, 0, 30) })
            {
                for (var month = m - 6; month <= m + 6; month++)
                {
                    var yuan = month < m ? before : month > m ? after : 0;
                    if (yuan > 0)
                    {
                        db.LedgerEntries.Add(IncomeLedger.Sale(seller, cooperative.CooperativeId, month, yuan * 100L));
                    }
                }
            }

            db.TrainingCompletions.Add(TrainingCompletion.Of(Guid.CreateVersion7(), t1, cooperative.CooperativeId, Guid.CreateVersion7(), "玉米芯种菇", "Mushrooms", Month.FirstDay(m).AddDays(9)));
            db.TrainingCompletions.Add(TrainingCompletion.Of(Guid.CreateVersion7(), t2, cooperative.CooperativeId, Guid.CreateVersion7(), "玉米芯种菇", "Mushrooms", Month.FirstDay(m).AddDays(20)));
        });
        var admin = cooperative.Admin.Http;

        // t1 declares 1,440 yuan a year (120 a month); the others fall back on their ledger's first three full months.
        using var declared = await admin.PostAsJsonAsync(Url(IncomeTrackingApiPaths.Baseline, cooperative.CooperativeId, t1),
            new BaselineRequest("Declared", 1440m, Month.FirstDay(m).Year - 1, "入社前一年"));
        Assert.Equal(HttpStatusCode.Created, declared.StatusCode);
        using var future = await admin.PostAsJsonAsync(Url(IncomeTrackingApiPaths.Baseline, cooperative.CooperativeId, t1),
            new BaselineRequest("Declared", 1000m, DateTime.UtcNow.Year + 1, null));
        using var stranger = await admin.PostAsJsonAsync(Url(IncomeTrackingApiPaths.Baseline, cooperative.CooperativeId, Guid.CreateVersion7()),
            new BaselineRequest("Declared", 1000m, 2024, null));
        using var noYear = await admin.PostAsJsonAsync(Url(IncomeTrackingApiPaths.Baseline, cooperative.CooperativeId, t1), new BaselineRequest("Declared", 1000m, null, null));
        Assert.Equal((HttpStatusCode.Conflict, HttpStatusCode.NotFound, HttpStatusCode.BadRequest), (future.StatusCode, stranger.StatusCode, noYear.StatusCode));
        var u2Baseline = (await admin.GetFromJsonAsync<BaselineResponse>(Url(IncomeTrackingApiPaths.Baseline, cooperative.CooperativeId, u2)))!;
        Assert.Equal(("Derived", 300m, Month.Label(m - 5)), (u2Baseline.InForce!.Kind, u2Baseline.InForce.Monthly, u2Baseline.InForce.DerivedFrom));

        // t1 in month m+1: 160 against 120, +40 (33.33 %); the quarter-long trend lists every month with its source.
        var gains = (await admin.GetFromJsonAsync<GainsResponse>(Url(IncomeTrackingApiPaths.Gains, cooperative.CooperativeId, t1) + $"?period={Month.Label(m + 1)}"))!;
        Assert.Equal((160m, 120m, 40m, 33.33m, "Declared"), (gains.Income, gains.BaselineForPeriod, gains.Gain, gains.GainPercent, gains.Baseline!.Kind));
        Assert.Equal(160m, Assert.Single(gains.Trend).Shop);
        using var badPeriod = await admin.GetAsync(new Uri(Url(IncomeTrackingApiPaths.Gains, cooperative.CooperativeId, t1) + "?period=2026-Q5", UriKind.Relative));
        Assert.Equal(HttpStatusCode.BadRequest, badPeriod.StatusCode);

        // Month m+1: t1 +33.33 %, t2 260 vs 200 +30 %, u1 120 vs 100 +20 % (the threshold counts), u2 and u3 (baseline 30) 0 %.
        var after = (await admin.GetFromJsonAsync<ImpactFigures>(Url(IncomeTrackingApiPaths.Impact, cooperative.CooperativeId) + $"?period={Month.Label(m + 1)}"))!;
        Assert.Equal((5, 5, 3, 60m), (after.Sellers, after.SellersWithBaseline, after.SellersWithGain, after.ShareWithGain));
        Assert.Equal((20m, 20m), (after.MedianGain, after.MedianGainPercent));
        Assert.Equal(870m, after.Income);
        Assert.Equal([("0–10%", 2), ("20–50%", 3)], after.GainDistribution.Where(b => b.Sellers > 0).Select(b => (b.Label, b.Sellers)));

        // Completion month m: trained means 150 → 210 (+60); the untrained u1, u2, u3 (the administrator joined after the
        // period and does not count) 133.33 → 150 (+16.67); the difference in differences is 43.33 a month. Medians:
        // trained 150 and 210, untrained (0, 100, 300) → 100 and (30, 120, 300) → 120.
        var effect = Assert.Single((await admin.GetFromJsonAsync<ImpactFigures>(
            Url(IncomeTrackingApiPaths.Impact, cooperative.CooperativeId) + $"?period={Month.Label(m)}"))!.TrainingEffect);
        Assert.Equal(("Mushrooms", 2, 3, true), (effect.Topic, effect.Trained, effect.Untrained, effect.IndicativeOnly));
        Assert.Equal((150m, 210m, 150m, 210m), (effect.TrainedBeforeMean, effect.TrainedAfterMean, effect.TrainedBeforeMedian, effect.TrainedAfterMedian));
        Assert.Equal((133.33m, 150m, 100m, 120m), (effect.UntrainedBeforeMean, effect.UntrainedAfterMean, effect.UntrainedBeforeMedian, effect.UntrainedAfterMedian));
        Assert.Equal(43.33m, effect.DifferenceInDifferences);

        var csv = await CsvAsync(admin, Url(IncomeTrackingApiPaths.ImpactExport, cooperative.CooperativeId) + $"?period={Month.Label(m)}");
        Assert.Contains("TrainingEffect,Mushrooms,2,3,150.00,210.00,150.00,210.00,133.33,150.00,100.00,120.00,43.33,indicative", csv, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_closed_months_statement_nets_sales_commission_and_refunds_is_paid_once_and_a_late_refund_lands_in_the_next_month()
    {
        var closed = Now - 1;
        var cooperative = await CooperativeScenario.CreateAsync(factory, "Hubei", "Xiaogan Statement Cooperative");
        var seller = Guid.CreateVersion7();
        var orderId = Guid.CreateVersion7();
        await factory.SeedIncomeAsync(db =>
        {
            db.Sellers.Add(Seller.Joined(seller, cooperative.CooperativeId, "Chen Jie", "Zhuhu", Month.FirstDay(closed - 12)));
            db.LedgerEntries.Add(IncomeLedger.Sale(seller, cooperative.CooperativeId, closed, 10_000, 500, $"order:{orderId}"));
            db.LedgerEntries.Add(IncomeLedger.Sale(seller, cooperative.CooperativeId, closed, 20_000, 1_000, source: IncomeSource.Livestream));
            db.LedgerEntries.Add(IncomeLedger.Sale(seller, cooperative.CooperativeId, closed, -4_000, -200));
            db.LedgerEntries.Add(LedgerEntry.Manual(Guid.CreateVersion7(), seller, cooperative.CooperativeId, IncomeSource.OfflineSale, 3_000, null, Month.FirstDay(closed), IncomeLedger.Posted(closed)));
            db.LedgerEntries.Add(LedgerEntry.Manual(Guid.CreateVersion7(), seller, cooperative.CooperativeId, IncomeSource.Subsidy, 5_000, null, Month.FirstDay(closed), IncomeLedger.Posted(closed)));
        });
        var admin = cooperative.Admin.Http;
        var month = Month.Label(closed);

        using var open = await admin.PostAsync(new Uri(Url(IncomeTrackingApiPaths.StatementsOfMonth, cooperative.CooperativeId, Month.Label(Now)), UriKind.Relative), null);
        using var later = await admin.PostAsync(new Uri(Url(IncomeTrackingApiPaths.StatementsOfMonth, cooperative.CooperativeId, Month.Label(Now + 2)), UriKind.Relative), null);
        Assert.Equal((HttpStatusCode.Conflict, HttpStatusCode.Conflict), (open.StatusCode, later.StatusCode));
        var run = await GenerateAsync(admin, cooperative.CooperativeId, month);
        Assert.Equal((1, 0, 247m), (run.Generated, run.AlreadyGenerated, run.NetPayable));

        var statement = Assert.Single((await admin.GetFromJsonAsync<StatementsPage>(Url(IncomeTrackingApiPaths.StatementsOfMonth, cooperative.CooperativeId, month)))!.Items);
        // Net payable: (100 − 5) + (200 − 10) − (40 − 2) = 247; the offline sale and the subsidy are the seller's own.
        Assert.Equal((100m, 200m, 0m, 13m, 40m, 30m, 50m, 247m, "Chen Jie"),
            (statement.ShopGross, statement.LivestreamGross, statement.ImportedGross, statement.Commission, statement.Refunds, statement.ManualEntries,
                statement.Subsidies, statement.NetPayable, statement.SellerName));

        var statementsCsv = await CsvAsync(admin, Url(IncomeTrackingApiPaths.StatementsExport, cooperative.CooperativeId, month));
        Assert.Contains($"Chen Jie,{month},100.00,200.00,0.00,13.00,40.00,30.00,50.00,247.00,,", statementsCsv, StringComparison.Ordinal);
        var ledgerCsv = await CsvAsync(admin, Url(IncomeTrackingApiPaths.LedgerExport, cooperative.CooperativeId, seller));
        Assert.Equal(6, ledgerCsv.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.Contains(",Shop,seed:", ledgerCsv, StringComparison.Ordinal);
        Assert.Contains(",-40.00,-2.00,-38.00,", ledgerCsv, StringComparison.Ordinal);

        var paymentUrl = new Uri(Url(IncomeTrackingApiPaths.StatementPayment, cooperative.CooperativeId, month, statement.StatementId), UriKind.Relative);
        using var paid = await admin.PostAsJsonAsync(paymentUrl, new PaymentRequest("WX-20261201-0001"));
        using var twice = await admin.PostAsJsonAsync(paymentUrl, new PaymentRequest("WX-20261201-0002"));
        using var blank = await admin.PostAsJsonAsync(paymentUrl, new PaymentRequest(" "));
        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.Conflict, HttpStatusCode.BadRequest), (paid.StatusCode, twice.StatusCode, blank.StatusCode));

        // A refund approved now for the closed month's order posts today: the closed statement stays as it was.
        var refund = await factory.PublishAsync(OrdersModule.Name, new OrderRefundedIntegrationEvent(orderId, Guid.CreateVersion7(), "Shop", null,
            [new SellerAmountDto(seller, cooperative.CooperativeId, 2_000)], 2_000, AfterCompletion: true, DateTimeOffset.UtcNow));
        await Eventually.HoldsAsync(async () =>
        {
            await using var scope = factory.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<IncomeTrackingDbContext>();
            return await db.LedgerEntries.AnyAsync(e => e.SellerId == seller && e.Reference.StartsWith("refund:"));
        }, "the late refund was posted");
        var rerun = await GenerateAsync(admin, cooperative.CooperativeId, month);
        Assert.Equal((0, 1, 1), (rerun.Generated, rerun.AlreadyGenerated, rerun.Paid));
        var again = (await admin.GetFromJsonAsync<List<StatementResponse>>(Url(IncomeTrackingApiPaths.MemberStatements, cooperative.CooperativeId, seller)))!;
        Assert.Equal((247m, "WX-20261201-0001"), (Assert.Single(again).NetPayable, again[0].PayoutReference));
        // −20 yuan at the sale's 5 %: −19 in this month's trend.
        var thisMonth = (await admin.GetFromJsonAsync<GainsResponse>(Url(IncomeTrackingApiPaths.Gains, cooperative.CooperativeId, seller) + $"?period={Month.Label(Now)}"))!;
        Assert.Equal(-19m, Assert.Single(thisMonth.Trend).Shop);
        Assert.NotEqual(Guid.Empty, refund);
    }

    [Fact]
    public async Task The_county_report_covers_the_countys_cooperatives_for_its_officers_and_administrators_only()
    {
        var province = $"Hunan {Guid.NewGuid():N}"[..20];
        var first = await CooperativeScenario.CreateAsync(factory, province, "Pujiang Tea Cooperative");
        var second = await CooperativeScenario.CreateAsync(factory, province, "Pujiang Rice Cooperative");
        var closed = Now - 1;
        await Eventually.HoldsAsync(async () =>
        {
            await using var scope = factory.Services.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<IncomeTrackingDbContext>().Cooperatives.CountAsync(c => c.Province == province) == 2;
        }, "Income Tracking knows both cooperatives");
        await factory.SeedIncomeAsync(db =>
        {
            foreach (var (cooperative, yuan) in new[] { (first.CooperativeId, 300L), (second.CooperativeId, 100L) })
            {
                var seller = Guid.CreateVersion7();
                db.Sellers.Add(Seller.Joined(seller, cooperative, "Li Qiang", "Chengjia", Month.FirstDay(closed - 12)));
                db.LedgerEntries.Add(IncomeLedger.Sale(seller, cooperative, closed, yuan * 100, source: IncomeSource.Livestream));
            }
        });

        var (phone, session) = await factory.NewVerifiedPersonAsync("Officer Zhou");
        var accountId = await factory.AccountIdAsync(session);
        var grants = new Uri(RuralCommerce.Access.AccessApiPaths.Url(RuralCommerce.Access.AccessApiPaths.PlatformRoles, accountId), UriKind.Relative);
        using var granted = await factory.CreateAdminClient().PostAsJsonAsync(grants, new { role = "county-officer", province, county = "Pujiang" });
        using var noCounty = await factory.CreateAdminClient().PostAsJsonAsync(grants, new { role = "county-officer", province });
        Assert.Equal((HttpStatusCode.NoContent, HttpStatusCode.BadRequest), (granted.StatusCode, noCounty.StatusCode));
        var officer = factory.ClientFor(await factory.SignInAsync(phone));

        var report = (await officer.GetFromJsonAsync<CountyReportResponse>(CountyUrl(province, "Pujiang", closed)))!;
        Assert.Equal((400m, 2), (report.Report.Income, report.Report.Sellers));
        Assert.Equal([("Pujiang Tea Cooperative", 300m, (decimal?)100m), ("Pujiang Rice Cooperative", 100m, 100m)],
            report.Report.Cooperatives.Select(c => (c.Name, c.Income, c.LivestreamSharePercent)));
        Assert.Equal(HttpStatusCode.OK, (await factory.CreateAdminClient().GetAsync(new Uri(CountyUrl(province, "Pujiang", closed), UriKind.Relative))).StatusCode);
        var countyCsv = await CsvAsync(officer, Url(IncomeTrackingApiPaths.CountyExport, province, "Pujiang") + $"?period={Month.Label(closed)}");
        Assert.Contains("Cooperative,Pujiang Tea Cooperative,1,", countyCsv, StringComparison.Ordinal);
        Assert.Contains("Summary,Income,400.00", countyCsv, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await officer.GetAsync(new Uri(CountyUrl("Sichuan", "Pujiang", closed), UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await first.Admin.Http.GetAsync(new Uri(CountyUrl(province, "Pujiang", closed), UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await factory.CreateAdminClient().GetAsync(new Uri(CountyUrl("Nowhere", "Pujiang", closed), UriKind.Relative))).StatusCode);
        // A cooperative administrator reads their own cooperative's report, not another's.
        Assert.Equal(HttpStatusCode.Forbidden, (await first.Admin.Http.GetAsync(new Uri(Url(IncomeTrackingApiPaths.Impact, second.CooperativeId), UriKind.Relative))).StatusCode);
    }

    /// <summary>The CSV's text, after checking it is one a spreadsheet opens as UTF-8 (the byte-order mark).</summary>
    private static async Task<string> CsvAsync(HttpClient client, string url)
    {
        using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        Assert.Equal(("text/csv", HttpStatusCode.OK), (response.Content.Headers.ContentType?.MediaType, response.StatusCode));
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        return System.Text.Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3);
    }

    private static string CountyUrl(string province, string county, int month) =>
        Url(IncomeTrackingApiPaths.County, province, county) + $"?period={Month.Label(month)}";

    private static string Url(string route, params object[] values) => IncomeTrackingApiPaths.Url(route, values);

    private static async Task<StatementRunResponse> GenerateAsync(HttpClient admin, Guid cooperativeId, string month)
    {
        using var response = await admin.PostAsync(new Uri(Url(IncomeTrackingApiPaths.StatementsOfMonth, cooperativeId, month), UriKind.Relative), null);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<StatementRunResponse>())!;
    }
}
