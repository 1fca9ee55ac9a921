using System.Text.RegularExpressions;
using RuralCommerce.Shared.Infrastructure.Web;

namespace RuralCommerce.Catalog.Features.Common;

/// <summary>Product codes (SKU) and batch codes: what a platform's export and a printed label both keep intact.</summary>
internal static partial class ProductCodes
{
    public const string Pattern = "^[A-Za-z0-9][A-Za-z0-9._-]{0,31}$";

    public static string RequireProductCode(this ValidationErrors errors, string? value, string field = "code")
    {
        var code = errors.RequireText(value, field, 32);
        errors.Require(code.Length == 0 || CodeRegex().IsMatch(code), field,
            $"{field} may hold letters, digits, dots, dashes and underscores, starting with a letter or digit.");
        return code;
    }

    [GeneratedRegex(Pattern)]
    private static partial Regex CodeRegex();
}
