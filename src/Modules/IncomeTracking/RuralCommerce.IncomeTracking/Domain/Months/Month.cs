using System.Globalization;
using RuralCommerce.SharedKernel;

namespace RuralCommerce.IncomeTracking.Domain.Months;

/// <summary>
/// A China calendar month as one integer (year × 12 + month − 1), so windows such as "the six months before" are
/// plain arithmetic in SQL and in code.
/// </summary>
internal static class Month
{
    public static int Of(DateOnly day) => (day.Year * 12) + day.Month - 1;

    public static int Of(DateTimeOffset instant) => Of(ChinaTime.Today(instant));

    public static int Of(int year, int month) => (year * 12) + month - 1;

    public static DateOnly FirstDay(int month) => new(month / 12, (month % 12) + 1, 1);

    /// <summary>The instant the month begins, in UTC.</summary>
    public static DateTimeOffset Start(int month) => ChinaTime.StartOf(FirstDay(month));

    /// <summary>yyyy-MM.</summary>
    public static string Label(int month) => FirstDay(month).ToString("yyyy-MM", CultureInfo.InvariantCulture);

    public static bool TryParse(string? text, out int month)
    {
        month = 0;
        if (!DateOnly.TryParseExact(text + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return false;
        }

        month = Of(day);
        return true;
    }
}

/// <summary>A span of whole months, first and last included: a month, a quarter or a year.</summary>
internal readonly record struct Period(int First, int Last)
{
    public int Months => Last - First + 1;

    public bool Contains(int month) => month >= First && month <= Last;

    /// <summary>yyyy-MM, yyyy-Qn or yyyy.</summary>
    public static bool TryParse(string? text, out Period period)
    {
        period = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        if (text.Length == 4 && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var year) && year is >= 2000 and <= 9998)
        {
            period = new Period(Month.Of(year, 1), Month.Of(year, 12));
            return true;
        }

        if (text.Length == 7 && text[4..6] is "-Q" && int.TryParse(text[..4], NumberStyles.None, CultureInfo.InvariantCulture, out year)
            && year is >= 2000 and <= 9998 && text[6] is >= '1' and <= '4')
        {
            var first = Month.Of(year, ((text[6] - '1') * 3) + 1);
            period = new Period(first, first + 2);
            return true;
        }

        if (Month.TryParse(text, out var month) && month >= Month.Of(2000, 1))
        {
            period = new Period(month, month);
            return true;
        }

        return false;
    }

    public override string ToString() => First == Last ? Month.Label(First) : $"{Month.Label(First)}…{Month.Label(Last)}";
}
