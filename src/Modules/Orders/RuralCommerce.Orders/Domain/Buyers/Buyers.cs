using RuralCommerce.Orders.Domain.Orders;

namespace RuralCommerce.Orders.Domain.Buyers;

/// <summary>One of a buyer's delivery addresses (home, the parents' house, the township shop); one may be the default.</summary>
internal sealed class SavedAddress
{
    public const int MaxPerBuyer = 20;

    private SavedAddress()
    {
    }

    public Guid Id { get; private set; }

    public Guid AccountId { get; private set; }

    public DeliveryAddress Address { get; private set; } = null!;

    public bool IsDefault { get; private set; }

    public DateTimeOffset SavedAt { get; private set; }

    public static SavedAddress Save(Guid id, Guid accountId, DeliveryAddress address, DateTimeOffset now) =>
        new() { Id = id, AccountId = accountId, Address = address, SavedAt = now };

    public void Change(DeliveryAddress address) => Address = address;

    public void MarkDefault(bool isDefault) => IsDefault = isDefault;
}

/// <summary>A product in a buyer's cart and how much of it, in thousandths of its unit; prices are the shop's at checkout.</summary>
internal sealed class CartLine
{
    public const int MaxLines = 50;

    private CartLine()
    {
    }

    public Guid AccountId { get; private set; }

    public Guid ProductId { get; private set; }

    public long QuantityMilli { get; private set; }

    public DateTimeOffset AddedAt { get; private set; }

    public static CartLine Add(Guid accountId, Guid productId, long quantityMilli, DateTimeOffset now) =>
        new() { AccountId = accountId, ProductId = productId, QuantityMilli = quantityMilli, AddedAt = now };

    public void SetQuantity(long quantityMilli) => QuantityMilli = quantityMilli;
}
