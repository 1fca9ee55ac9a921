using RuralCommerce.Shared.Infrastructure.Web;

namespace RuralCommerce.IncomeTracking;

/// <summary>
/// Every route the module maps, relative to <see cref="Root"/>. The endpoints map these constants and the HTTP tests
/// fill them (<see cref="Url"/>), so a route cannot change in one place only.
/// </summary>
internal static class IncomeTrackingApiPaths
{
    public const string Root = "/api/income-tracking";

    public const string Cooperative = "/cooperatives/{cooperativeId:guid}";
    public const string CommissionRates = Cooperative + "/commission-rates";
    public const string CommissionRate = CommissionRates + "/{effectiveFrom}";
    public const string Ledger = Cooperative + "/members/{memberId:guid}/ledger";
    public const string Reversal = Ledger + "/{entryId:guid}/reversal";
    public const string Member = Cooperative + "/members/{memberId:guid}";
    public const string Gains = Member + "/gains";
    public const string Baseline = Member + "/baseline";
    public const string MemberStatements = Member + "/statements";
    public const string Statements = Cooperative + "/statements";
    public const string StatementsOfMonth = Statements + "/{month}";
    public const string StatementPayment = Statements + "/{month}/{statementId:guid}/payment";
    public const string Impact = Cooperative + "/impact";
    public const string County = "/counties/{province}/{county}/report";
    public const string LedgerExport = Ledger + "/export.csv";
    public const string StatementsExport = StatementsOfMonth + "/export.csv";
    public const string ImpactExport = Impact + "/export.csv";
    public const string CountyExport = County + "/export.csv";

    /// <summary>The absolute path of <paramref name="route"/> with its parameters filled in order.</summary>
    public static string Url(string route, params object[] values) => Root + RouteTemplate.Fill(route, values);
}
