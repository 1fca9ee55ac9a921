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

    /// <summary>The absolute path of <paramref name="route"/> with its parameters filled in order.</summary>
    public static string Url(string route, params object[] values) => Root + RouteTemplate.Fill(route, values);
}
