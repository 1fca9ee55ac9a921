using System.Globalization;
using Microsoft.Extensions.Localization;

namespace RuralCommerce.Catalog.Features.Common;

/// <summary>Names of categories, units and states in the page's language (keys <c>Category.X</c>, <c>Unit.X</c>, <c>Status.X</c>).</summary>
internal static class CatalogLabels
{
    public static string Category(this IStringLocalizer l, string category) => l[$"Category.{category}"].Value;

    public static string Unit(this IStringLocalizer l, string unit) => l[$"Unit.{unit}"].Value;

    public static string Status(this IStringLocalizer l, string status) => l[$"Status.{status}"].Value;

    public static string NetContent(this IStringLocalizer l, NetContentDto? content) =>
        content is null ? "" : string.Create(CultureInfo.CurrentCulture, $"{content.Amount:0.###} {l[$"Content.{content.Unit}"].Value}");

    /// <summary>"¥68.00 / 袋（500 克）": the price per unit of sale, with what the unit holds.</summary>
    public static string PricePerUnit(this IStringLocalizer l, decimal price, string unit, NetContentDto? content) =>
        string.Create(CultureInfo.CurrentCulture, $"¥{price:0.00} / {l.Unit(unit)}") + (content is null ? "" : $"（{l.NetContent(content)}）");
}
