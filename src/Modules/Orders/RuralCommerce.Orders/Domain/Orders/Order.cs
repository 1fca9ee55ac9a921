using RuralCommerce.SharedKernel;

namespace RuralCommerce.Orders.Domain.Orders;

internal readonly record struct OrderId(Guid Value) : IStronglyTypedId<OrderId>
{
    public static OrderId From(Guid value) => new(value);
}

internal enum OrderStatus
{
    Placed,
    Paid,
    Cancelled,
}

internal enum PaymentMethod
{
    WeChatPay,
    Alipay,
    BankTransfer,
    CashOnDelivery,
}

internal enum SalesChannel
{
    Shop,
    Livestream,
}

/// <summary>Where the parcel goes, stored as the buyer gave it.</summary>
internal sealed record DeliveryAddress(string Recipient, PhoneNumber Phone, string Province, string County, string Township, string Village, string Detail);

internal sealed record OrderPlaced(Order Order) : IDomainEvent;

internal sealed record OrderCancelled(Order Order, Guid? ActorAccountId) : IDomainEvent;

/// <summary>
/// A buyer's order: lines priced when placed (never from what a client sends), its stock already reserved by the
/// use case that placed it, and every change of state kept with its time and actor.
/// </summary>
internal sealed class Order : AggregateRoot
{
    private readonly List<OrderLine> _lines = [];
    private readonly List<OrderTransition> _transitions = [];

    private Order()
    {
    }

    public OrderId Id { get; private set; }

    public Guid BuyerAccountId { get; private set; }

    public OrderStatus Status { get; private set; }

    public PaymentMethod PaymentMethod { get; private set; }

    public SalesChannel Channel { get; private set; }

    public DeliveryAddress Delivery { get; private set; } = null!;

    public long TotalFen { get; private set; }

    public Money Total => Money.FromFen(TotalFen);

    public DateTimeOffset PlacedAt { get; private set; }

    public IReadOnlyList<OrderLine> Lines => _lines;

    public IReadOnlyList<OrderTransition> Transitions => _transitions.OrderBy(t => t.At).ToList();

    public static Order Place(
        OrderId id, Guid buyerAccountId, DeliveryAddress delivery, PaymentMethod paymentMethod, IReadOnlyList<OrderLine> lines, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(lines);
        if (lines.Count == 0)
        {
            throw new ArgumentException("An order has at least one line.", nameof(lines));
        }

        var order = new Order
        {
            Id = id,
            BuyerAccountId = buyerAccountId,
            Delivery = delivery,
            PaymentMethod = paymentMethod,
            Channel = SalesChannel.Shop,
            Status = OrderStatus.Placed,
            PlacedAt = now,
            TotalFen = lines.Sum(l => l.LineTotalFen),
        };
        order._lines.AddRange(lines);
        order._transitions.Add(new OrderTransition(Guid.CreateVersion7(now), OrderStatus.Placed, now, buyerAccountId));
        order.AddDomainEvent(new OrderPlaced(order));
        return order;
    }

    /// <summary>
    /// Cancels an order that is not yet paid; the caller releases its reserved stock in the same transaction. A paid
    /// order is cancelled with a refund, which comes with payments.
    /// </summary>
    public void Cancel(Guid? actorAccountId, DateTimeOffset now)
    {
        CheckRule(new OnlyAnUnpaidOrderIsCancelledRule(this));
        Status = OrderStatus.Cancelled;
        _transitions.Add(new OrderTransition(Guid.CreateVersion7(now), OrderStatus.Cancelled, now, actorAccountId));
        AddDomainEvent(new OrderCancelled(this, actorAccountId));
    }
}

internal sealed class OnlyAnUnpaidOrderIsCancelledRule(Order order) : IBusinessRule
{
    public string Message => $"Only a placed, unpaid order can be cancelled; this one is {order.Status}.";

    public bool IsBroken() => order.Status != OrderStatus.Placed;
}

/// <summary>One product of an order: quantity in thousandths of its unit, unit price and line total in fen.</summary>
internal sealed class OrderLine
{
    private OrderLine()
    {
    }

    public OrderLine(Guid productId, Guid sellerId, Guid cooperativeId, string productName, string unit, long quantityMilli, long unitPriceFen)
    {
        ProductId = productId;
        SellerId = sellerId;
        CooperativeId = cooperativeId;
        ProductName = productName;
        Unit = unit;
        QuantityMilli = quantityMilli;
        UnitPriceFen = unitPriceFen;
        // Quantity × unit price, rounded to the fen once per line (half away from zero, as a till would).
        LineTotalFen = decimal.ToInt64(decimal.Round(quantityMilli * unitPriceFen / 1000m, 0, MidpointRounding.AwayFromZero));
    }

    public int Id { get; private set; }

    public Guid ProductId { get; private set; }

    public Guid SellerId { get; private set; }

    public Guid CooperativeId { get; private set; }

    public string ProductName { get; private set; } = "";

    public string Unit { get; private set; } = "";

    public long QuantityMilli { get; private set; }

    public decimal Quantity => QuantityMilli / 1000m;

    public long UnitPriceFen { get; private set; }

    public long LineTotalFen { get; private set; }
}

/// <summary>A change of an order's state: when, and by whom (an account; none for the platform's own jobs).</summary>
internal sealed class OrderTransition
{
    private OrderTransition()
    {
    }

    public OrderTransition(Guid id, OrderStatus status, DateTimeOffset at, Guid? actorAccountId)
    {
        Id = id;
        Status = status;
        At = at;
        ActorAccountId = actorAccountId;
    }

    public Guid Id { get; private set; }

    public OrderStatus Status { get; private set; }

    public DateTimeOffset At { get; private set; }

    public Guid? ActorAccountId { get; private set; }
}
