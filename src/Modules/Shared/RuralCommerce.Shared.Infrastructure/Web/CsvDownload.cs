using System.Text;
using Microsoft.AspNetCore.Http;

namespace RuralCommerce.Shared.Infrastructure.Web;

/// <summary>
/// A CSV file to download, as spreadsheets open it on a Chinese Windows or phone: UTF-8 with a byte-order mark,
/// quoted where needed, and text that a spreadsheet would run as a formula defused.
/// </summary>
public static class CsvDownload
{
    /// <summary>Streams <paramref name="rows"/> after <paramref name="header"/>, row by row: an export of any size is never held.</summary>
    public static async Task WriteAsync(
        HttpResponse response, string fileName, IReadOnlyList<string> header, IAsyncEnumerable<IReadOnlyList<string>> rows, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(response);
        ArgumentNullException.ThrowIfNull(header);
        ArgumentNullException.ThrowIfNull(rows);
        response.ContentType = "text/csv; charset=utf-8";
        response.Headers.ContentDisposition = $"attachment; filename=\"{fileName}\"";
        await using var writer = new StreamWriter(response.Body, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));
        await writer.WriteLineAsync(Line(header));
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            await writer.WriteLineAsync(Line(row));
        }
    }

    public static Task WriteAsync(HttpResponse response, string fileName, IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string>> rows,
        CancellationToken cancellationToken) => WriteAsync(response, fileName, header, rows.ToAsyncEnumerable(), cancellationToken);

    /// <summary>Quotes when needed, and defuses text a spreadsheet would run as a formula.</summary>
    public static string Cell(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var looksLikeFormula = value.Length > 0
                               && (value[0] is '=' or '@' or '\t' || (value[0] is '+' or '-' && !value[1..].All(c => char.IsAsciiDigit(c) || c == '.')));
        if (looksLikeFormula)
        {
            value = "'" + value;
        }

        return value.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : value;
    }

    private static string Line(IReadOnlyList<string> cells) => string.Join(',', cells.Select(Cell));
}
