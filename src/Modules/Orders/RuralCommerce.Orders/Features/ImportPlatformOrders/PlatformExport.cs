using System.Globalization;
using RuralCommerce.Shared.Infrastructure.Web;
using RuralCommerce.SharedKernel;

namespace RuralCommerce.Orders.Features.ImportPlatformOrders;

/// <summary>One data row of a platform's order export, as read (still to be checked); <see cref="Row"/> counts from 1 with the header.</summary>
internal sealed record ExportRow(int Row, IReadOnlyList<string> Cells);

/// <summary>
/// Reads a livestream platform's order export: CSV in UTF-8 (with or without a byte-order mark) or GB18030 (what Excel
/// saves on a Chinese Windows), fields quoted as RFC 4180 says. Columns, in order: platform order number, our product
/// code, quantity, amount paid (yuan), buyer's province, buyer's county, paid time. A first line whose quantity is not a
/// number is a header.
/// </summary>
internal static class PlatformExport
{
    public const int Columns = 7;
    public const int MaxRows = 5000;

    /// <summary>The data rows (a header skipped, blank lines dropped).</summary>
    public static List<ExportRow> Rows(string text)
    {
        var rows = new List<ExportRow>();
        var number = 0;
        foreach (var cells in CsvText.Records(text))
        {
            number++;
            if (cells.All(string.IsNullOrWhiteSpace))
            {
                continue;
            }

            var isHeader = number == 1 && (cells.Count < 3 || !decimal.TryParse(cells[2].Trim(), NumberStyles.Number, CultureInfo.InvariantCulture, out _));
            if (!isHeader)
            {
                rows.Add(new ExportRow(number, cells));
            }
        }

        return rows.Count <= MaxRows
            ? rows
            : throw new RequestValidationException("file", $"An export has at most {MaxRows} rows; split it.");
    }

    /// <summary>Paid times come in China time unless they carry an offset (platform exports show local time).</summary>
    public static DateTimeOffset? PaidAt(string value)
    {
        var text = value.Trim();
        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var withOffset) && HasOffset(text))
        {
            return withOffset.ToUniversalTime();
        }

        return DateTime.TryParseExact(text, ["yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd HH:mm", "yyyy/M/d H:mm:ss", "yyyy/M/d H:mm", "yyyy-MM-ddTHH:mm:ss"],
            CultureInfo.InvariantCulture, DateTimeStyles.None, out var local)
            ? new DateTimeOffset(local, ChinaTime.Offset).ToUniversalTime()
            : null;
    }

    private static bool HasOffset(string text) => text.EndsWith('Z') || (text.Length > 19 && (text[^6] is '+' or '-'));
}
