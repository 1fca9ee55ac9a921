using System.Globalization;

namespace RuralCommerce.Shared.Infrastructure.Web.Pages;

/// <summary>Money and dates as people read them in the page's language.</summary>
public static class Display
{
    /// <summary>CNY with its sign and two decimals in the culture's digits (¥1,234.50), whatever the culture's own currency.</summary>
    public static string Yuan(decimal amount) =>
        string.Create(CultureInfo.CurrentCulture, $"{(amount < 0 ? "-" : "")}¥{Math.Abs(amount):N2}");

    /// <summary>A date in the culture's short form (2026/11/29 in Chinese, 11/29/2026 in English).</summary>
    public static string Date(DateOnly? date) => date?.ToString("d", CultureInfo.CurrentCulture) ?? "";

    /// <summary>A moment in China Standard Time (UTC+8), where the people who read it live.</summary>
    public static string Time(DateTimeOffset? moment) =>
        moment?.ToOffset(RuralCommerce.SharedKernel.ChinaTime.Offset).ToString("g", CultureInfo.CurrentCulture) ?? "";
}
