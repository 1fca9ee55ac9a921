namespace RuralCommerce.IncomeTracking.Pages.Charts;

internal static class ChartColours
{
    public const string Livestream = "#c45d00";
    public const string Shop = "#2f6b2f";
    public const string Imported = "#4a5fa8";
    public const string Offline = "#8a6d3b";
    public const string Wages = "#6b6b6b";
    public const string Other = "#a9a9a9";
    public const string Before = "#9fb79f";
    public const string After = "#2f6b2f";
}
