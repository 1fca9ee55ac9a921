namespace RuralCommerce.Catalog.Domain.Products;

/// <summary>
/// How much of a product open orders hold, as Orders reports it. Kept beside the product rather than on it, so a burst
/// of orders never conflicts with the seller editing the product.
/// </summary>
internal sealed class OrderHold
{
    private OrderHold()
    {
    }

    public ProductId ProductId { get; private set; }

    public decimal Quantity { get; private set; }

    public static OrderHold For(ProductId productId) => new() { ProductId = productId };

    public void Change(decimal delta) => Quantity += delta;

    /// <summary>What the shop can still sell: the seller's stock less what orders hold, never below zero.</summary>
    public static decimal Available(decimal stockOnHand, decimal held) => Math.Max(0m, stockOnHand - held);
}
