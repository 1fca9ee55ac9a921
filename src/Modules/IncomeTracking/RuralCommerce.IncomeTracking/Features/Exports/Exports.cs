using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using RuralCommerce.IncomeTracking.Domain.Months;
using RuralCommerce.IncomeTracking.Features.Common;
using RuralCommerce.IncomeTracking.Persistence;
using RuralCommerce.Shared.Infrastructure.Security;
using RuralCommerce.Shared.Infrastructure.Web;
using RuralCommerce.SharedKernel;

namespace RuralCommerce.IncomeTracking.Features.Exports;

/// <summary>
/// Every ledger and report as CSV (UTF-8 with a byte-order mark, formula-like text defused), for the cooperative's
/// accountant and the county centre's spreadsheets. Amounts in yuan with two decimals, dates yyyy-MM-dd, months yyyy-MM.
/// The API's addresses take a bearer token; the same files under the pages' addresses take the page cookie.
/// </summary>
internal static class ExportsEndpoints
{
    private static readonly string[] LedgerHeader =
        ["EntryId", "OccurredOn", "PostedAt", "Source", "Reference", "Gross", "Commission", "Amount", "LivestreamId", "Platform", "Reverses", "Note"];

    private static readonly string[] StatementHeader =
        ["StatementId", "SellerId", "Seller", "Month", "ShopGross", "LivestreamGross", "ImportedGross", "Commission", "Refunds", "ManualEntries",
            "Subsidies", "NetPayable", "PaidAt", "PayoutReference"];

    /// <summary>A report is sections of rows: the section, the row's name, then its figures (what each section's figures are is in the README).</summary>
    private static readonly string[] ReportHeader = ["Section", "Item", "V1", "V2", "V3", "V4", "V5", "V6", "V7", "V8", "V9", "V10", "V11"];

    public static void MapExports(this IEndpointRouteBuilder group)
    {
        group.MapGet(IncomeTrackingApiPaths.LedgerExport, LedgerAsync)
            .RequireAuthorization(AuthorizationPolicies.CooperativeMember)
            .WithName("ExportLedger")
            .WithSummary("A seller's whole ledger as CSV, oldest first, with the ledger's filters (from, to, source).")
            .WithDescription("The member themselves, or the cooperative's administrators (403 otherwise). Streamed.")
            .Produces(StatusCodes.Status200OK, contentType: "text/csv")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet(IncomeTrackingApiPaths.StatementsExport, StatementsAsync)
            .RequireAuthorization(AuthorizationPolicies.CooperativeAdmin)
            .WithName("ExportStatements")
            .WithSummary("A month's statements of the cooperative as CSV, for the payout run.")
            .WithDescription("Cooperative administrators. month is yyyy-MM.")
            .Produces(StatusCodes.Status200OK, contentType: "text/csv")
            .ProducesValidationProblem();
        group.MapGet(IncomeTrackingApiPaths.ImpactExport, ImpactAsync)
            .RequireAuthorization(AuthorizationPolicies.CooperativeAdmin)
            .WithName("ExportImpactReport")
            .WithSummary("The cooperative's impact report as CSV: one section per table of the report.")
            .WithDescription("Cooperative administrators; period and threshold as in the report. Sections: Summary, IncomeBySource, IncomeByMonth, " +
                "GainDistribution, TopLivestream, TopProduct, TrainingEffect, Cooperative.")
            .Produces(StatusCodes.Status200OK, contentType: "text/csv")
            .ProducesValidationProblem();
        group.MapGet(IncomeTrackingApiPaths.CountyExport, CountyAsync)
            .RequireAuthorization()
            .WithName("ExportCountyReport")
            .WithSummary("The county report as CSV, in the sections of the cooperative's report.")
            .WithDescription("Platform administrators and the county's officers (403 otherwise); 404 when no cooperative is registered there.")
            .Produces(StatusCodes.Status200OK, contentType: "text/csv")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    /// <summary>The report pages' download links, under the pages' addresses (the page cookie).</summary>
    public static void MapExportPages(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/cooperatives/{cooperativeId:guid}/impact.csv", ImpactAsync).RequireAuthorization(AuthorizationPolicies.CooperativeAdmin).ExcludeFromDescription();
        endpoints.MapGet("/cooperatives/{cooperativeId:guid}/statements/{month}.csv", StatementsAsync)
            .RequireAuthorization(AuthorizationPolicies.CooperativeAdmin).ExcludeFromDescription();
        endpoints.MapGet("/counties/{province}/{county}/report.csv", CountyAsync).RequireAuthorization().ExcludeFromDescription();
    }

    internal static async Task LedgerAsync(
        Guid cooperativeId, Guid memberId, DateOnly? from, DateOnly? to, [OneOfNames(typeof(Domain.Ledger.IncomeSource))] string? source, ClaimsPrincipal caller, IncomeTrackingDbContext db,
        HttpContext http, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        Domain.Ledger.IncomeSource? wanted = string.IsNullOrWhiteSpace(source) ? null : errors.RequireName<Domain.Ledger.IncomeSource>(source, "source");
        errors.Require(from is null || to is null || from <= to, "to", "to must not be before from.");
        errors.ThrowIfAny();
        await caller.RequireOwnOrAdministeredMemberAsync(db, cooperativeId, memberId, cancellationToken);

        var entries = db.LedgerEntries.AsNoTracking().Where(e => e.SellerId == memberId && e.CooperativeId == cooperativeId);
        entries = from is null ? entries : entries.Where(e => e.OccurredOn >= from);
        entries = to is null ? entries : entries.Where(e => e.OccurredOn <= to);
        entries = wanted is null ? entries : entries.Where(e => e.Source == wanted);
        var rows = entries.OrderBy(e => e.OccurredOn).ThenBy(e => e.Id).AsAsyncEnumerable().Select(e => (IReadOnlyList<string>)
        [
            e.Id.ToString(), Day(e.OccurredOn), e.PostedAt.ToString("O", CultureInfo.InvariantCulture), e.Source.ToString(), e.Reference, Yuan(e.GrossFen),
            Yuan(e.CommissionFen), Yuan(e.AmountFen), e.LivestreamId?.ToString() ?? "", e.Platform ?? "", e.Reverses?.ToString() ?? "", e.Note ?? "",
        ]);
        await CsvDownload.WriteAsync(http.Response, $"ledger-{memberId:N}.csv", LedgerHeader, rows, cancellationToken);
    }

    internal static async Task StatementsAsync(Guid cooperativeId, string month, IncomeTrackingDbContext db, HttpContext http, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        errors.Require(Month.TryParse(month, out var wanted), "month", "month is yyyy-MM.");
        errors.ThrowIfAny();
        var rows = (
                from s in db.Statements.AsNoTracking().Where(s => s.CooperativeId == cooperativeId && s.Month == wanted)
                join seller in db.Sellers on s.SellerId equals seller.Id into named
                from seller in named.DefaultIfEmpty()
                orderby seller.Name, s.SellerId
                select new { Statement = s, Name = seller == null ? null : seller.Name })
            .AsAsyncEnumerable().Select(r => (IReadOnlyList<string>)
            [
                r.Statement.Id.ToString(), r.Statement.SellerId.ToString(), r.Name ?? "", Month.Label(r.Statement.Month), Yuan(r.Statement.ShopGrossFen),
                Yuan(r.Statement.LivestreamGrossFen), Yuan(r.Statement.ImportedGrossFen), Yuan(r.Statement.CommissionFen), Yuan(r.Statement.RefundsFen),
                Yuan(r.Statement.ManualFen), Yuan(r.Statement.SubsidyFen), Yuan(r.Statement.NetPayableFen),
                r.Statement.PaidAt?.ToString("O", CultureInfo.InvariantCulture) ?? "", r.Statement.PayoutReference ?? "",
            ]);
        await CsvDownload.WriteAsync(http.Response, $"statements-{Month.Label(wanted)}.csv", StatementHeader, rows, cancellationToken);
    }

    internal static async Task ImpactAsync(
        Guid cooperativeId, [RegularExpression(ImpactRequest.PeriodPattern)] string? period, [Range(0, 1000)] decimal? threshold, IncomeTrackingDbContext db, TimeProvider clock, IOptions<IncomeTrackingOptions> options,
        HttpContext http, CancellationToken cancellationToken)
    {
        var (span, label, settings) = ImpactRequest.Read(period, threshold, clock, options.Value);
        var report = await db.ComputeAsync([cooperativeId], label, span, Month.Of(clock.GetUtcNow()), settings, cancellationToken);
        await CsvDownload.WriteAsync(http.Response, $"impact-{label}.csv", ReportHeader, Rows(report), cancellationToken);
    }

    internal static async Task CountyAsync(
        string province, string county, [RegularExpression(ImpactRequest.PeriodPattern)] string? period, [Range(0, 1000)] decimal? threshold, ClaimsPrincipal caller, IncomeTrackingDbContext db, TimeProvider clock,
        IOptions<IncomeTrackingOptions> options, HttpContext http, CancellationToken cancellationToken)
    {
        var (span, label, settings) = ImpactRequest.Read(period, threshold, clock, options.Value);
        var cooperatives = await db.CountyCooperativesAsync(caller, province, county, cancellationToken);
        var report = await db.ComputeAsync(cooperatives, label, span, Month.Of(clock.GetUtcNow()), settings, cancellationToken);
        await CsvDownload.WriteAsync(http.Response, $"county-{label}.csv", ReportHeader, Rows(report), cancellationToken);
    }

    private static IEnumerable<IReadOnlyList<string>> Rows(ImpactFigures r)
    {
        yield return ["Summary", "Period", r.Period, Day(r.From), Day(r.To)];
        yield return ["Summary", "Sellers", Count(r.Sellers)];
        yield return ["Summary", "SellersWithBaseline", Count(r.SellersWithBaseline)];
        yield return ["Summary", "SellersWithGain", Count(r.SellersWithGain), Number(r.ThresholdPercent)];
        yield return ["Summary", "ShareWithGainPercent", Number(r.ShareWithGain)];
        yield return ["Summary", "MedianGain", Number(r.MedianGain)];
        yield return ["Summary", "MedianGainPercent", Number(r.MedianGainPercent)];
        yield return ["Summary", "Income", Number(r.Income)];
        yield return ["Summary", "Subsidy", Number(r.Subsidy)];
        yield return ["Summary", "ComparedMonths", Count(r.ComparedMonths)];
        foreach (var s in r.IncomeBySource)
        {
            yield return ["IncomeBySource", s.Source, Number(s.Amount), Number(s.SharePercent)];
        }

        foreach (var m in r.IncomeByMonth)
        {
            yield return ["IncomeByMonth", m.Month, Number(m.Livestream), Number(m.Shop), Number(m.Imported), Number(m.OfflineSale), Number(m.Wages),
                Number(m.Other), Number(m.Subsidy), Number(m.Income)];
        }

        foreach (var b in r.GainDistribution)
        {
            yield return ["GainDistribution", b.Label, Count(b.Sellers)];
        }

        foreach (var l in r.TopLivestreams)
        {
            yield return ["TopLivestream", l.Title ?? l.LivestreamId.ToString(), Number(l.SellerIncome)];
        }

        foreach (var p in r.TopProducts)
        {
            yield return ["TopProduct", p.Name, Number(p.SellerIncome)];
        }

        foreach (var t in r.TrainingEffect)
        {
            yield return ["TrainingEffect", t.Topic, Count(t.Trained), Count(t.Untrained), Number(t.TrainedBeforeMean), Number(t.TrainedAfterMean),
                Number(t.TrainedBeforeMedian), Number(t.TrainedAfterMedian), Number(t.UntrainedBeforeMean), Number(t.UntrainedAfterMean),
                Number(t.UntrainedBeforeMedian), Number(t.UntrainedAfterMedian), Number(t.DifferenceInDifferences), t.IndicativeOnly ? "indicative" : ""];
        }

        foreach (var c in r.Cooperatives)
        {
            yield return ["Cooperative", c.Name ?? c.CooperativeId.ToString(), Count(c.Sellers), Count(c.SellersWithBaseline), Count(c.SellersWithGain),
                Number(c.ShareWithGain), Number(c.MedianGainPercent), Number(c.Income), Number(c.LivestreamSharePercent)];
        }
    }

    private static string Yuan(long fen) => Money.FromFen(fen).Amount.ToString("0.00", CultureInfo.InvariantCulture);

    private static string Number(decimal? value) => value?.ToString("0.00", CultureInfo.InvariantCulture) ?? "";

    private static string Count(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
