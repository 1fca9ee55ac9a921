using System.Globalization;

namespace RuralCommerce.Shared.Infrastructure.Web.Pages;

/// <summary>Money and dates as people read them in the page's language.</summary>
public static class Display
{
    /// <summary>CNY with its sign and two decimals in the culture's digits (¥1,234.50), whatever the culture's own currency.</summary>
    public static string Yuan(decimal amount) =>
        string.Create(CultureInfo.CurrentCulture, $"{(amount < 0 ? "-" : "")}¥{Math.Abs(amount):N2}");

    /// <summary>Money taken off (commission, refunds): "-¥8.50", and plain "¥0.00" when nothing was.</summary>
    public static string Deduction(decimal amount) => amount == 0 ? Yuan(0m) : Yuan(-Math.Abs(amount));

    /// <summary>A quantity or count with the culture's thousands separators and up to three decimals (100,000 · 2.5).</summary>
    public static string Quantity(decimal amount) => amount.ToString("#,0.###", CultureInfo.CurrentCulture);

    /// <summary>A percentage written as Chinese and English both write it, with no space before the sign: 75% · +258.24%.</summary>
    public static string Percent(decimal? value, string digits = "0.#", bool signed = false) =>
        value is not { } number ? "—"
        : (signed && number > 0 ? "+" : "") + number.ToString(digits, CultureInfo.CurrentCulture) + "%";

    /// <summary>A file's size as a phone's user weighs it against their data: 850 KB · 1.2 MB (1,000-byte units, as phones show them).</summary>
    public static string FileSize(long bytes) =>
        bytes < 1_000_000
            ? string.Create(CultureInfo.CurrentCulture, $"{Math.Max(1, Math.Round(bytes / 1000m, MidpointRounding.AwayFromZero)):#,0} KB")
            : string.Create(CultureInfo.CurrentCulture, $"{Math.Round(bytes / 1_000_000m, 1, MidpointRounding.AwayFromZero):#,0.#} MB");

    /// <summary>A date in the culture's short form (2026/11/29 in Chinese, 11/29/2026 in English).</summary>
    public static string Date(DateOnly? date) => date?.ToString("d", CultureInfo.CurrentCulture) ?? "";

    /// <summary>A moment in China Standard Time (UTC+8), where the people who read it live.</summary>
    public static string Time(DateTimeOffset? moment) =>
        moment?.ToOffset(RuralCommerce.SharedKernel.ChinaTime.Offset).ToString("g", CultureInfo.CurrentCulture) ?? "";
}
