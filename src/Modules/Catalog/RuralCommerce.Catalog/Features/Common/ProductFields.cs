using RuralCommerce.Catalog.Domain.Members;
using RuralCommerce.Catalog.Domain.Products;
using RuralCommerce.Shared.Infrastructure.Web;
using RuralCommerce.SharedKernel;

namespace RuralCommerce.Catalog.Features.Common;

/// <summary>What one unit of sale holds: <c>{ "amount": 500, "unit": "Gram" }</c>.</summary>
internal sealed record NetContentDto(decimal Amount, [property: OneOfNames(typeof(NetContentUnit))] string Unit);

/// <summary>The describing fields a seller sends when creating or editing a product.</summary>
internal interface IProductFields
{
    string? Name { get; }

    string? Category { get; }

    string? Description { get; }

    string? Unit { get; }

    NetContentDto? NetContent { get; }

    decimal? ListPrice { get; }

    string? OriginCounty { get; }

    string? OriginVillage { get; }
}

internal static class ProductFields
{
    /// <summary>
    /// Reads the fields into <see cref="ProductDetails"/>; errors go to <paramref name="errors"/>. The origin defaults to
    /// the cooperative's county and village.
    /// </summary>
    public static ProductDetails Parse(this ValidationErrors errors, IProductFields fields, Cooperative cooperative, decimal maxListPrice)
    {
        var name = errors.RequireText(fields.Name, "name", 100);
        var category = errors.RequireName<ProductCategory>(fields.Category, "category");
        var description = errors.OptionalText(fields.Description, "description", 2000) ?? "";
        var unit = errors.RequireName<SaleUnit>(fields.Unit, "unit");
        NetContent? netContent = null;
        if (fields.NetContent is { } content)
        {
            var contentUnit = errors.RequireName<NetContentUnit>(content.Unit, "netContent.unit");
            errors.Require(content.Amount is > 0m and <= 1_000_000m && decimal.Round(content.Amount, 3) == content.Amount,
                "netContent.amount", "netContent.amount must be positive, with at most three decimals.");
            netContent = new NetContent(content.Amount, contentUnit);
        }

        var price = errors.RequireMoney(fields.ListPrice, "listPrice");
        errors.Require(fields.ListPrice is null || fields.ListPrice <= maxListPrice, "listPrice", $"listPrice must be at most {maxListPrice:0.00} yuan.");
        var county = errors.OptionalText(fields.OriginCounty, "originCounty", 50) ?? cooperative.County;
        var village = errors.OptionalText(fields.OriginVillage, "originVillage", 50) ?? cooperative.Village;
        return new ProductDetails(name, category, description, unit, netContent, price, county, village);
    }

    /// <summary>A quantity of stock in <paramref name="unit"/>: weights to the gram, counted units whole.</summary>
    public static decimal RequireQuantity(this ValidationErrors errors, decimal? quantity, SaleUnit unit, string field, bool allowZero = false)
    {
        var valid = quantity is { } q && (allowZero ? q >= 0m : q > 0m) && q <= 100_000_000m && unit.Suits(q);
        errors.Require(valid, field, unit.IsWeighed()
            ? $"{field} must be {(allowZero ? "zero or more" : "positive")}, with at most three decimals (grams)."
            : $"{field} must be a whole number of {unit} units, {(allowZero ? "zero or more" : "positive")}.");
        return valid ? quantity!.Value : 0m;
    }
}
