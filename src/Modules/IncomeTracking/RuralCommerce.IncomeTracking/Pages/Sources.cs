using System.Globalization;
using Microsoft.Extensions.Localization;
using RuralCommerce.IncomeTracking.Pages.Charts;

namespace RuralCommerce.IncomeTracking.Pages;

internal static class Sources
{
    /// <summary>The income sources in the order charts stack them, with their names in the page's language.</summary>
    public static IReadOnlyList<BarChart.ChartSeries> IncomeSeries(IStringLocalizer<IncomeTrackingText> text) =>
    [
        new BarChart.ChartSeries(text["Source.Livestream"], ChartColours.Livestream), new BarChart.ChartSeries(text["Source.Shop"], ChartColours.Shop),
        new BarChart.ChartSeries(text["Source.Imported"], ChartColours.Imported), new BarChart.ChartSeries(text["Source.OfflineSale"], ChartColours.Offline),
        new BarChart.ChartSeries(text["Source.Wages"], ChartColours.Wages), new BarChart.ChartSeries(text["Source.Other"], ChartColours.Other),
    ];

    /// <summary>"11月" or "Nov" for yyyy-MM: a chart's months fit on a phone's width.</summary>
    public static string MonthLabel(string month) =>
        DateOnly.ParseExact(month + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture).ToString("MMM", CultureInfo.CurrentCulture);
}
