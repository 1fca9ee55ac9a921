namespace RuralCommerce.Catalog.Domain.Products;

/// <summary>How produce is sold. Weights may be sold in fractions; counted units only whole.</summary>
internal enum SaleUnit
{
    Kilogram,

    /// <summary>斤, 500 g: how village markets weigh.</summary>
    Jin,
    Bottle,
    Box,
    Bag,
    Piece,
}

internal enum NetContentUnit
{
    Gram,
    Kilogram,
    Millilitre,
    Litre,
}

/// <summary>What one unit of sale holds, e.g. a bag of 500 g or a bottle of 750 ml.</summary>
internal sealed record NetContent(decimal Amount, NetContentUnit Unit);

internal static class SaleUnits
{
    /// <summary>Quantities of weighed units are kept to the gram (three decimals of a kilogram).</summary>
    public const int WeightDecimals = 3;

    public static bool IsWeighed(this SaleUnit unit) => unit is SaleUnit.Kilogram or SaleUnit.Jin;

    /// <summary>Whether <paramref name="quantity"/> can be counted in <paramref name="unit"/>: whole pieces, weights to the gram.</summary>
    public static bool Suits(this SaleUnit unit, decimal quantity) =>
        unit.IsWeighed() ? decimal.Round(quantity, WeightDecimals) == quantity : decimal.Truncate(quantity) == quantity;
}
