using RuralCommerce.SharedKernel;

namespace RuralCommerce.Orders.Domain.Sellables;

/// <summary>
/// Orders' own copy of a product it sells, fed by Catalog's notifications: its price, whether it is listed, and the
/// sellable quantity — the seller's declared stock (the sum of Catalog's numbered deltas, each applied once and in
/// order) less what orders hold. Quantities are kept in thousandths of a unit (grams of a kilogram), so the database
/// adds and compares them exactly; a reservation is one conditional update of <see cref="ReservedMilli"/>.
/// </summary>
internal sealed class SellableProduct
{
    public const long MilliPerUnit = 1000;

    private SellableProduct()
    {
    }

    public Guid Id { get; private set; }

    public Guid CooperativeId { get; private set; }

    public Guid SellerId { get; private set; }

    public string Code { get; private set; } = "";

    public string Name { get; private set; } = "";

    public string Unit { get; private set; } = "";

    public long ListPriceFen { get; private set; }

    public bool Listed { get; private set; }

    /// <summary>The last stock adjustment applied (Catalog numbers them from 1).</summary>
    public long StockSequence { get; private set; }

    public long DeclaredMilli { get; private set; }

    public long ReservedMilli { get; private set; }

    public decimal Available => (DeclaredMilli - ReservedMilli) / (decimal)MilliPerUnit;

    public static SellableProduct Known(Guid id, Guid cooperativeId) => new() { Id = id, CooperativeId = cooperativeId };

    public void Describe(Guid sellerId, string code, string name, string unit, long listPriceFen)
    {
        SellerId = sellerId;
        Code = code;
        Name = name;
        Unit = unit;
        ListPriceFen = listPriceFen;
    }

    public void Change(string name, string unit, long listPriceFen)
    {
        Name = name;
        Unit = unit;
        ListPriceFen = listPriceFen;
    }

    public void SetListed(bool listed) => Listed = listed;

    /// <summary>Applies Catalog's adjustment number <paramref name="sequence"/>: once, and only right after the previous one.</summary>
    public void ApplyStockAdjustment(long sequence, decimal delta)
    {
        if (sequence <= StockSequence)
        {
            return;
        }

        if (sequence != StockSequence + 1)
        {
            throw new InvalidOperationException(
                $"Stock adjustment {sequence} of product {Id} arrived before {StockSequence + 1}; it is retried until that one is applied.");
        }

        DeclaredMilli += ToMilli(delta);
        StockSequence = sequence;
    }

    public static long ToMilli(decimal quantity) => decimal.ToInt64(decimal.Round(quantity * MilliPerUnit, 0, MidpointRounding.AwayFromZero));

    public static bool IsWeighed(string unit) => unit is "Kilogram" or "Jin";

    /// <summary>Whole units for counted produce, grams for weighed: what Catalog accepts for the same unit.</summary>
    public bool Suits(decimal quantity) =>
        quantity > 0m && (IsWeighed(Unit) ? decimal.Round(quantity, 3) == quantity : decimal.Truncate(quantity) == quantity);

    public Money Price => Money.FromFen(ListPriceFen);
}
