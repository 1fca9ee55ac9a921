using RuralCommerce.SharedKernel;

namespace RuralCommerce.Orders.Domain.Orders;

internal readonly record struct OrderId(Guid Value) : IStronglyTypedId<OrderId>
{
    public static OrderId From(Guid value) => new(value);
}

internal enum OrderStatus
{
    /// <summary>Placed and waiting for its payment; expires unpaid.</summary>
    Placed,

    /// <summary>Cash on delivery: confirmed at placement, paid when delivered.</summary>
    Confirmed,
    Paid,
    Cancelled,

    /// <summary>Every shipment delivered; completes when the buyer confirms, or on its own after a while.</summary>
    Delivered,

    /// <summary>Final: what Income Tracking credits the sellers for.</summary>
    Completed,
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

internal enum RefundReason
{
    /// <summary>The buyer cancelled a paid order.</summary>
    CancelledAfterPayment,

    /// <summary>The money came after the order was cancelled (e.g. expired): it goes back, the order stays cancelled.</summary>
    PaidAfterCancellation,

    /// <summary>A second, different payment for an order already paid.</summary>
    PaidTwice,
}

internal enum PaymentOutcome
{
    Paid,
    AlreadyRecorded,
    RefundDue,
}

/// <summary>Where the parcel goes, stored as the buyer gave it.</summary>
internal sealed record DeliveryAddress(string Recipient, PhoneNumber Phone, string Province, string County, string Township, string Village, string Detail);

/// <summary>The livestream an order was placed in: the event and its host.</summary>
internal sealed record LivestreamSale(Guid LivestreamId, Guid HostMemberId);

internal sealed record OrderPlaced(Order Order) : IDomainEvent;

internal sealed record OrderPaid(Order Order, OrderPayment Payment) : IDomainEvent;

internal sealed record OrderCancelled(Order Order, Guid? ActorAccountId) : IDomainEvent;

internal sealed record ShipmentShipped(Order Order, Shipment Shipment) : IDomainEvent;

internal sealed record ShipmentDelivered(Order Order, Shipment Shipment) : IDomainEvent;

internal sealed record OrderCompleted(Order Order, Guid? ActorAccountId) : IDomainEvent;

/// <summary>
/// A buyer's order: lines priced when placed (never from what a client sends), its stock already reserved by the
/// use case that placed it, and every change of state kept with its time and actor.
/// </summary>
internal sealed class Order : AggregateRoot
{
    private readonly List<OrderLine> _lines = [];
    private readonly List<OrderTransition> _transitions = [];
    private readonly List<OrderPayment> _payments = [];
    private readonly List<OrderRefund> _refunds = [];
    private readonly List<Shipment> _shipments = [];

    private Order()
    {
    }

    public OrderId Id { get; private set; }

    public Guid BuyerAccountId { get; private set; }

    public OrderStatus Status { get; private set; }

    public PaymentMethod PaymentMethod { get; private set; }

    public SalesChannel Channel { get; private set; }

    public Guid? LivestreamId { get; private set; }

    public Guid? LivestreamHostMemberId { get; private set; }

    public DeliveryAddress Delivery { get; private set; } = null!;

    public long TotalFen { get; private set; }

    public Money Total => Money.FromFen(TotalFen);

    public DateTimeOffset PlacedAt { get; private set; }

    public DateTimeOffset? PaidAt { get; private set; }

    /// <summary>When the last shipment was delivered.</summary>
    public DateTimeOffset? DeliveredAt { get; private set; }

    public DateTimeOffset? CompletedAt { get; private set; }

    public IReadOnlyList<OrderLine> Lines => _lines;

    /// <summary>
    /// In the order they happened. Two can share an instant (placed and confirmed for cash on delivery), and version 7
    /// ids of one millisecond are not ordered, so ties go by the lifecycle's order of states.
    /// </summary>
    public IReadOnlyList<OrderTransition> Transitions => _transitions.OrderBy(t => t.At).ThenBy(t => t.Status).ToList();

    public IReadOnlyList<OrderPayment> Payments => _payments;

    public IReadOnlyList<OrderRefund> Refunds => _refunds;

    /// <summary>One per seller of the order's lines.</summary>
    public IReadOnlyList<Shipment> Shipments => _shipments;

    public static Order Place(
        OrderId id, Guid buyerAccountId, DeliveryAddress delivery, PaymentMethod paymentMethod, IReadOnlyList<OrderLine> lines,
        LivestreamSale? livestream, DateTimeOffset now)
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
            Channel = livestream is null ? SalesChannel.Shop : SalesChannel.Livestream,
            LivestreamId = livestream?.LivestreamId,
            LivestreamHostMemberId = livestream?.HostMemberId,
            PlacedAt = now,
            TotalFen = lines.Sum(l => l.LineTotalFen),
        };
        order._lines.AddRange(lines);
        order._shipments.AddRange(lines.GroupBy(l => (l.SellerId, l.CooperativeId)).Select(seller =>
            new Shipment(Guid.CreateVersion7(now), seller.Key.SellerId, seller.Key.CooperativeId, seller.Sum(l => l.LineTotalFen))));
        order.MoveTo(OrderStatus.Placed, buyerAccountId, now);
        if (paymentMethod == PaymentMethod.CashOnDelivery)
        {
            order.MoveTo(OrderStatus.Confirmed, buyerAccountId, now);
        }

        order.AddDomainEvent(new OrderPlaced(order));
        return order;
    }

    /// <summary>
    /// Records money the payment provider says it took. The same provider transaction twice changes nothing; money
    /// for a cancelled order, or a second payment, is kept and owed back — it never revives or pays an order twice.
    /// </summary>
    public PaymentOutcome ReceivePayment(string transactionId, long amountFen, DateTimeOffset now)
    {
        if (_payments.Any(p => p.TransactionId == transactionId))
        {
            return PaymentOutcome.AlreadyRecorded;
        }

        CheckRule(new APaymentCoversTheWholeOrderRule(this, amountFen));
        var payment = new OrderPayment(Guid.CreateVersion7(now), transactionId, amountFen, now);
        _payments.Add(payment);
        if (Status is OrderStatus.Placed or OrderStatus.Confirmed)
        {
            PaidAt = now;
            MoveTo(OrderStatus.Paid, null, now);
            AddDomainEvent(new OrderPaid(this, payment));
            return PaymentOutcome.Paid;
        }

        _refunds.Add(new OrderRefund(
            Guid.CreateVersion7(now), amountFen, Status == OrderStatus.Paid ? RefundReason.PaidTwice : RefundReason.PaidAfterCancellation, now));
        return PaymentOutcome.RefundDue;
    }

    /// <summary>
    /// Cancels an order that has not shipped: unpaid, confirmed for cash on delivery, or paid — then its money is owed
    /// back. The caller releases its reserved stock in the same transaction.
    /// </summary>
    public void Cancel(Guid? actorAccountId, DateTimeOffset now)
    {
        CheckRule(new ACancelledOrderStaysCancelledRule(this));
        CheckRule(new AnOrderIsCancelledOnlyBeforeItShipsRule(this));
        if (Status == OrderStatus.Paid)
        {
            _refunds.Add(new OrderRefund(Guid.CreateVersion7(now), TotalFen, RefundReason.CancelledAfterPayment, now));
        }

        MoveTo(OrderStatus.Cancelled, actorAccountId, now);
        AddDomainEvent(new OrderCancelled(this, actorAccountId));
    }

    /// <summary>The seller packs their shipment: only once the order is paid, or at once for cash on delivery.</summary>
    public void Pack(Guid shipmentId, DateTimeOffset now)
    {
        CheckRule(new AnOrderShipsOnlyOncePaidRule(this));
        Shipment(shipmentId).Pack(now);
    }

    public void Ship(Guid shipmentId, Guid logisticsCentreId, string carrier, string trackingNumber, DateTimeOffset now)
    {
        CheckRule(new AnOrderShipsOnlyOncePaidRule(this));
        var shipment = Shipment(shipmentId);
        shipment.Ship(logisticsCentreId, carrier, trackingNumber, now);
        AddDomainEvent(new ShipmentShipped(this, shipment));
    }

    public void ReceiveAtCentre(Guid shipmentId, DateTimeOffset now) => Shipment(shipmentId).Receive(now);

    public void DispatchFromCentre(Guid shipmentId, DateTimeOffset now) => Shipment(shipmentId).Dispatch(now);

    /// <summary>
    /// The logistics operator hands the parcel over. Cash on delivery: the cash for this shipment is recorded, and the
    /// order is paid once every shipment's cash is in. The order is delivered with its last shipment.
    /// </summary>
    public void Deliver(Guid shipmentId, Guid operatorAccountId, decimal? cashCollected, DateTimeOffset now)
    {
        var shipment = Shipment(shipmentId);
        long? cashFen = null;
        if (PaymentMethod == PaymentMethod.CashOnDelivery)
        {
            CheckRule(new CashOnDeliveryCollectsTheShipmentsAmountRule(shipment, cashCollected));
            cashFen = shipment.AmountFen;
        }

        shipment.Deliver(cashFen, now);
        AddDomainEvent(new ShipmentDelivered(this, shipment));
        if (cashFen is { } cash)
        {
            _payments.Add(new OrderPayment(Guid.CreateVersion7(now), $"cod-{shipment.Id:N}", cash, now));
            if (_payments.Sum(p => p.AmountFen) >= TotalFen)
            {
                PaidAt = now;
                MoveTo(OrderStatus.Paid, operatorAccountId, now);
                AddDomainEvent(new OrderPaid(this, _payments[^1]));
            }
        }

        if (_shipments.All(s => s.Status == ShipmentStatus.Delivered))
        {
            DeliveredAt = now;
            MoveTo(OrderStatus.Delivered, operatorAccountId, now);
        }
    }

    /// <summary>The buyer confirms receipt, or the platform completes a delivered order after the waiting time (no actor).</summary>
    public void Complete(Guid? actorAccountId, DateTimeOffset now)
    {
        CheckRule(new AnOrderCompletesOnceDeliveredRule(this));
        CompletedAt = now;
        MoveTo(OrderStatus.Completed, actorAccountId, now);
        AddDomainEvent(new OrderCompleted(this, actorAccountId));
    }

    /// <summary>Whether a delivered order has waited <paramref name="delay"/> for the buyer's confirmation.</summary>
    public bool IsDueForCompletion(DateTimeOffset now, TimeSpan delay) => Status == OrderStatus.Delivered && now - DeliveredAt >= delay;

    private Shipment Shipment(Guid shipmentId) =>
        _shipments.SingleOrDefault(s => s.Id == shipmentId) ?? throw new NotFoundException("Shipment", shipmentId);

    /// <summary>Whether an unpaid order has waited longer than <paramref name="window"/> for its money.</summary>
    public bool IsExpiredUnpaid(DateTimeOffset now, TimeSpan window) => Status == OrderStatus.Placed && now - PlacedAt >= window;

    private void MoveTo(OrderStatus status, Guid? actorAccountId, DateTimeOffset now)
    {
        Status = status;
        _transitions.Add(new OrderTransition(Guid.CreateVersion7(now), status, now, actorAccountId));
    }
}

internal sealed class ACancelledOrderStaysCancelledRule(Order order) : IBusinessRule
{
    public string Message => "The order is already cancelled.";

    public bool IsBroken() => order.Status == OrderStatus.Cancelled;
}

internal sealed class AnOrderIsCancelledOnlyBeforeItShipsRule(Order order) : IBusinessRule
{
    public string Message => "Part of this order has shipped: it can no longer be cancelled; ask for a refund instead.";

    public bool IsBroken() => order.Shipments.Any(s => s.Status >= ShipmentStatus.Shipped);
}

internal sealed class AnOrderShipsOnlyOncePaidRule(Order order) : IBusinessRule
{
    public string Message => "The order is not paid yet (or is cancelled): nothing of it ships.";

    public bool IsBroken() => order.Status is not (OrderStatus.Paid or OrderStatus.Confirmed or OrderStatus.Delivered);
}

internal sealed class AnOrderCompletesOnceDeliveredRule(Order order) : IBusinessRule
{
    public string Message => $"Only a delivered order completes; this one is {order.Status}.";

    public bool IsBroken() => order.Status != OrderStatus.Delivered;
}

internal sealed class CashOnDeliveryCollectsTheShipmentsAmountRule(Shipment shipment, decimal? cashCollected) : IBusinessRule
{
    public string Message => $"Cash on delivery: collect {Money.FromFen(shipment.AmountFen)} for this shipment and record that amount.";

    public bool IsBroken() => cashCollected != shipment.AmountFen / 100m;
}

internal sealed class APaymentCoversTheWholeOrderRule(Order order, long amountFen) : IBusinessRule
{
    public string Message => $"The payment of {Money.FromFen(amountFen)} does not match the order's total of {order.Total}.";

    public bool IsBroken() => amountFen != order.TotalFen;
}

/// <summary>Money a payment provider took for the order, by its transaction (unique across orders).</summary>
internal sealed class OrderPayment
{
    private OrderPayment()
    {
    }

    public OrderPayment(Guid id, string transactionId, long amountFen, DateTimeOffset receivedAt)
    {
        Id = id;
        TransactionId = transactionId;
        AmountFen = amountFen;
        ReceivedAt = receivedAt;
    }

    public Guid Id { get; private set; }

    public string TransactionId { get; private set; } = "";

    public long AmountFen { get; private set; }

    public DateTimeOffset ReceivedAt { get; private set; }
}

/// <summary>Money owed back to the buyer: due when decided, completed when the provider has returned it.</summary>
internal sealed class OrderRefund
{
    private OrderRefund()
    {
    }

    public OrderRefund(Guid id, long amountFen, RefundReason reason, DateTimeOffset dueAt)
    {
        Id = id;
        AmountFen = amountFen;
        Reason = reason;
        DueAt = dueAt;
    }

    public Guid Id { get; private set; }

    public long AmountFen { get; private set; }

    public RefundReason Reason { get; private set; }

    public DateTimeOffset DueAt { get; private set; }

    public DateTimeOffset? RefundedAt { get; private set; }

    public string? ProviderReference { get; private set; }

    public void Complete(string providerReference, DateTimeOffset now)
    {
        ProviderReference = providerReference;
        RefundedAt = now;
    }
}

/// <summary>One product of an order: quantity in thousandths of its unit, unit price and line total in fen.</summary>
internal sealed class OrderLine
{
    private OrderLine()
    {
    }

    public OrderLine(
        Guid productId, Guid sellerId, Guid cooperativeId, string productName, string unit, long quantityMilli, long unitPriceFen, bool onLivestreamOffer)
    {
        OnLivestreamOffer = onLivestreamOffer;
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

    /// <summary>Sold from the live event's shelf (its price and cap), not just during it.</summary>
    public bool OnLivestreamOffer { get; private set; }
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
