using System.Text;
using RuralCommerce.SharedKernel;

namespace RuralCommerce.Shared.Infrastructure.Web;

/// <summary>
/// Uploaded CSV files as people make them: UTF-8 (with or without a byte-order mark) or GB18030 (what Excel saves on a
/// Chinese Windows), fields quoted as RFC 4180 says.
/// </summary>
public static class CsvText
{
    private static readonly Encoding StrictUtf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    static CsvText() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>The file's text; a file that is neither UTF-8 nor GB18030 (or holds binary) is a 400 naming the field.</summary>
    public static string Decode(byte[] bytes, string field = "file")
    {
        var body = bytes.AsSpan();
        if (body.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            body = body[3..];
        }

        string text;
        try
        {
            text = StrictUtf8.GetString(body);
        }
        catch (DecoderFallbackException)
        {
            try
            {
                text = Encoding.GetEncoding("GB18030", EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback).GetString(body);
            }
            catch (DecoderFallbackException)
            {
                throw new RequestValidationException(field, "The file is neither UTF-8 nor GB18030 text: save the export as CSV again.");
            }
        }

        return text.Contains('\0', StringComparison.Ordinal)
            ? throw new RequestValidationException(field, "The file is not a CSV text file.")
            : text;
    }

    /// <summary>RFC 4180 records: commas between fields, quotes around fields that hold commas, quotes or line breaks.</summary>
    public static IEnumerable<List<string>> Records(string text)
    {
        var cells = new List<string>();
        var cell = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    cell.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    cell.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                cells.Add(cell.ToString());
                cell.Clear();
            }
            else if (c is '\r' or '\n')
            {
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }

                cells.Add(cell.ToString());
                cell.Clear();
                yield return cells;
                cells = [];
            }
            else
            {
                cell.Append(c);
            }
        }

        if (cell.Length > 0 || cells.Count > 0)
        {
            cells.Add(cell.ToString());
            yield return cells;
        }
    }
}
