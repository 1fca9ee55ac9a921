using System.Globalization;
using System.Text;

namespace RuralCommerce.Shared.Infrastructure.Web;

/// <summary>
/// Turns a route template a module maps (<c>/{cooperativeId:guid}/members/{memberId:guid}</c>) into a concrete path, so
/// Location headers and the HTTP tests use the very constants the endpoints are mapped with.
/// </summary>
public static class RouteTemplate
{
    /// <summary>Replaces the template's parameters, in order, with <paramref name="values"/> (escaped).</summary>
    public static string Fill(string template, params object[] values)
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(values);
        var path = new StringBuilder(template.Length + 64);
        var next = 0;
        var position = 0;
        while (position < template.Length)
        {
            var open = template.IndexOf('{', position);
            if (open < 0)
            {
                path.Append(template, position, template.Length - position);
                break;
            }

            var close = template.IndexOf('}', open);
            if (close < 0 || next >= values.Length)
            {
                throw new ArgumentException($"The template '{template}' has more parameters than the {values.Length} values given.", nameof(values));
            }

            path.Append(template, position, open - position);
            path.Append(Uri.EscapeDataString(Convert.ToString(values[next++], CultureInfo.InvariantCulture) ?? ""));
            position = close + 1;
        }

        if (next != values.Length)
        {
            throw new ArgumentException($"The template '{template}' has {next} parameters, not {values.Length}.", nameof(values));
        }

        return path.ToString();
    }
}
