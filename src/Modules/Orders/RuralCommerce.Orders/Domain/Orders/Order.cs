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

    /// <summary>Paid to a livestream platform that sold and shipped the order itself (imported orders only).</summary>
    PaidOnPlatform,
}

internal enum SalesChannel
{
    Shop,
    Livestream,

    /// <summary>Sold and shipped by a livestream platform (Douyin, Kuaishou…) and imported from its export.</summary>
    Imported,
}

internal enum RefundReason
{
    /// <summary>The buyer cancelled a paid order.</summary>
    CancelledAfterPayment,

    /// <summary>The money came after the order was cancelled (e.g. expired): it goes back, the order stays cancelled.</summary>
    PaidAfterCancellation,

    /// <summary>A second, different payment for an order already paid.</summary>
    PaidTwice,

    /// <summary>The buyer asked and the cooperative's administrator approved.</summary>
    RefundRequestApproved,
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

internal sealed record RefundRequested(Order Order, RefundRequest Request) : IDomainEvent;

internal sealed record RefundDecided(Order Order, RefundRequest Request) : IDomainEvent;

internal sealed record GoodsReturned(Order Order, RefundRequestLine Line) : IDomainEvent;

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
    private readonly List<RefundRequest> _refundRequests = [];

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

    /// <summary>The platform an imported order was sold on, and its order number there (unique per platform).</summary>
    public string? Platform { get; private set; }

    public string? PlatformOrderNumber { get; private set; }

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

    public IReadOnlyList<RefundRequest> RefundRequests => _refundRequests;

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
    /// An order a livestream platform sold and shipped itself, from its export: paid at its paid time and complete at once
    /// (the caller has reserved its stock). It has no buyer account and no shipment; its seller is credited like any other.
    /// </summary>
    public static Order Import(
        OrderId id, string platform, string platformOrderNumber, OrderLine line, string province, string county, DateTimeOffset paidAt,
        DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(line);
        var order = new Order
        {
            Id = id,
            Delivery = new DeliveryAddress($"{platform} buyer", PhoneNumber.FromStored(""), province, county, "", "", ""),
            PaymentMethod = PaymentMethod.PaidOnPlatform,
            Channel = SalesChannel.Imported,
            Platform = platform,
            PlatformOrderNumber = platformOrderNumber,
            PlacedAt = paidAt,
            PaidAt = paidAt,
            TotalFen = line.LineTotalFen,
        };
        order._lines.Add(line);
        order.MoveTo(OrderStatus.Placed, null, paidAt);
        order.AddDomainEvent(new OrderPlaced(order));
        order._payments.Add(new OrderPayment(Guid.CreateVersion7(now), $"{platform}:{platformOrderNumber}", line.LineTotalFen, paidAt));
        order.MoveTo(OrderStatus.Paid, null, paidAt);
        order.AddDomainEvent(new OrderPaid(order, order._payments[0]));
        order.CompletedAt = now;
        order.MoveTo(OrderStatus.Completed, null, now);
        order.AddDomainEvent(new OrderCompleted(order, null));
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
        CheckRule(new ACancelledOrderDoesNotShipRule(this));
        CheckRule(new AnOrderShipsOnlyOncePaidRule(this));
        Shipment(shipmentId).Pack(now);
    }

    public void Ship(Guid shipmentId, Guid logisticsCentreId, string carrier, string trackingNumber, DateTimeOffset now)
    {
        CheckRule(new ACancelledOrderDoesNotShipRule(this));
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

    /// <summary>Whether a delivered order has waited <paramref name="delay"/> for the buyer's confirmation (and no refund request waits for a decision).</summary>
    public bool IsDueForCompletion(DateTimeOffset now, TimeSpan delay) =>
        Status == OrderStatus.Delivered && now - DeliveredAt >= delay && _refundRequests.All(r => r.Status != RefundRequestStatus.Requested);

    /// <summary>
    /// The buyer asks for money back for quantities of one cooperative's lines (product → thousandths of a unit), or all
    /// that is left of them: only for money paid, at most what was bought and not already asked back, and within
    /// <paramref name="window"/> of the goods' delivery.
    /// </summary>
    public RefundRequest AskForRefund(
        Guid cooperativeId, IReadOnlyDictionary<Guid, long>? quantitiesMilli, string reason, TimeSpan window, DateTimeOffset now)
    {
        CheckRule(new ARefundIsForMoneyPaidRule(this));
        var wanted = quantitiesMilli ?? _lines.Where(l => l.CooperativeId == cooperativeId).ToDictionary(l => l.ProductId, l => l.QuantityMilli - AskedBackMilli(l.ProductId));
        var lines = new List<RefundRequestLine>();
        foreach (var (productId, milli) in wanted.Where(w => w.Value > 0))
        {
            var line = _lines.Single(l => l.ProductId == productId && l.CooperativeId == cooperativeId);
            CheckRule(new ARefundCoversAtMostWhatWasBoughtRule(line, milli, AskedBackMilli(productId)));
            var shipment = _shipments.Single(s => s.SellerId == line.SellerId && s.CooperativeId == cooperativeId);
            CheckRule(new ARefundIsAskedWithinTheWindowRule(shipment, window, now));
            lines.Add(new RefundRequestLine(productId, line.SellerId, milli, OrderLine.AmountFen(milli, line.UnitPriceFen), shipment.Status == ShipmentStatus.Delivered));
        }

        CheckRule(new ARefundRequestAsksForSomethingRule(lines.Count));
        var request = new RefundRequest(Guid.CreateVersion7(now), cooperativeId, reason, lines, now);
        _refundRequests.Add(request);
        AddDomainEvent(new RefundRequested(this, request));
        return request;
    }

    /// <summary>The cooperative's administrator approves (the money is owed back) or rejects a refund request, once.</summary>
    public RefundRequest DecideRefund(Guid requestId, bool approve, Guid deciderAccountId, string? note, DateTimeOffset now)
    {
        var request = RefundRequest(requestId);
        CheckRule(new ARefundRequestIsDecidedOnceRule(request));
        request.Decide(approve, deciderAccountId, note, now);
        if (approve)
        {
            _refunds.Add(new OrderRefund(Guid.CreateVersion7(now), request.AmountFen, RefundReason.RefundRequestApproved, now));
        }

        AddDomainEvent(new RefundDecided(this, request));
        return request;
    }

    /// <summary>The seller got back delivered goods of an approved refund: they go back on sale.</summary>
    public RefundRequestLine RecordReturn(Guid requestId, Guid productId, DateTimeOffset now)
    {
        var request = RefundRequest(requestId);
        var line = request.Lines.SingleOrDefault(l => l.ProductId == productId) ?? throw new NotFoundException("RefundRequestLine", productId);
        CheckRule(new OnlyApprovedDeliveredGoodsComeBackOnceRule(request, line));
        line.RecordReturn(now);
        AddDomainEvent(new GoodsReturned(this, line));
        return line;
    }

    /// <summary>What each seller keeps of the order: their lines less the refunds approved so far, in fen.</summary>
    public IReadOnlyList<(Guid SellerId, Guid CooperativeId, long AmountFen)> SellerAmounts() =>
        _lines.GroupBy(l => (l.SellerId, l.CooperativeId)).Select(seller =>
        {
            var refunded = _refundRequests.Where(r => r.Status == RefundRequestStatus.Approved && r.CooperativeId == seller.Key.CooperativeId)
                .SelectMany(r => r.Lines).Where(l => l.SellerId == seller.Key.SellerId).Sum(l => l.AmountFen);
            return (seller.Key.SellerId, seller.Key.CooperativeId, seller.Sum(l => l.LineTotalFen) - refunded);
        }).ToList();

    /// <summary>What each of a seller's products earned: its lines' totals less what approved refunds gave back for it.</summary>
    public IReadOnlyList<(Guid ProductId, string ProductName, long AmountFen)> ProductAmounts(Guid sellerId) =>
        _lines.Where(l => l.SellerId == sellerId).GroupBy(l => l.ProductId).Select(product =>
        {
            var refunded = _refundRequests.Where(r => r.Status == RefundRequestStatus.Approved).SelectMany(r => r.Lines)
                .Where(l => l.SellerId == sellerId && l.ProductId == product.Key).Sum(l => l.AmountFen);
            return (product.Key, product.First().ProductName, product.Sum(l => l.LineTotalFen) - refunded);
        }).ToList();

    private RefundRequest RefundRequest(Guid requestId) =>
        _refundRequests.SingleOrDefault(r => r.Id == requestId) ?? throw new NotFoundException("RefundRequest", requestId);

    /// <summary>What of a product is already asked back, in requests waiting or approved.</summary>
    private long AskedBackMilli(Guid productId) =>
        _refundRequests.Where(r => r.Status != RefundRequestStatus.Rejected).SelectMany(r => r.Lines).Where(l => l.ProductId == productId).Sum(l => l.QuantityMilli);

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

    public bool IsBroken() => order.Status is OrderStatus.Delivered or OrderStatus.Completed || order.Shipments.Any(s => s.Status >= ShipmentStatus.Shipped);
}

internal sealed class ACancelledOrderDoesNotShipRule(Order order) : IBusinessRule
{
    public string Message => "The order was cancelled: nothing of it ships.";

    public bool IsBroken() => order.Status == OrderStatus.Cancelled;
}

internal sealed class AnOrderShipsOnlyOncePaidRule(Order order) : IBusinessRule
{
    public string Message => "The order is not paid yet: nothing of it ships.";

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

internal sealed class ARefundIsForMoneyPaidRule(Order order) : IBusinessRule
{
    public string Message => "Nothing was paid for this order (or it was cancelled and refunded already).";

    public bool IsBroken() => order.PaidAt is null || order.Status == OrderStatus.Cancelled;
}

internal sealed class ARefundCoversAtMostWhatWasBoughtRule(OrderLine line, long askedMilli, long alreadyAskedMilli) : IBusinessRule
{
    public string Message => $"At most {(line.QuantityMilli - alreadyAskedMilli) / 1000m} of {line.ProductName} can still be refunded.";

    public bool IsBroken() => askedMilli > line.QuantityMilli - alreadyAskedMilli;
}

internal sealed class ARefundRequestAsksForSomethingRule(int lines) : IBusinessRule
{
    public string Message => "Everything of this cooperative's lines is already asked back.";

    public bool IsBroken() => lines == 0;
}

internal sealed class ARefundIsAskedWithinTheWindowRule(Shipment shipment, TimeSpan window, DateTimeOffset now) : IBusinessRule
{
    public string Message => $"Refunds are asked within {window.TotalDays:0.#} days of delivery.";

    public bool IsBroken() => shipment.DeliveredAt is { } delivered && now - delivered > window;
}

internal sealed class ARefundRequestIsDecidedOnceRule(RefundRequest request) : IBusinessRule
{
    public string Message => $"This refund request is already {request.Status}.";

    public bool IsBroken() => request.Status != RefundRequestStatus.Requested;
}

internal sealed class OnlyApprovedDeliveredGoodsComeBackOnceRule(RefundRequest request, RefundRequestLine line) : IBusinessRule
{
    public string Message => "Only delivered goods of an approved refund come back, once (undelivered ones went back on sale at approval).";

    public bool IsBroken() => request.Status != RefundRequestStatus.Approved || !line.Delivered || line.ReturnedAt is not null;
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
        LineTotalFen = AmountFen(quantityMilli, unitPriceFen);
    }

    /// <summary>A line a platform sold: what the buyer paid for it is its total, whatever its unit price rounds to.</summary>
    public static OrderLine Imported(Guid productId, Guid sellerId, Guid cooperativeId, string productName, string unit, long quantityMilli, long amountPaidFen) =>
        new(productId, sellerId, cooperativeId, productName, unit, quantityMilli, decimal.ToInt64(decimal.Round(amountPaidFen * 1000m / quantityMilli, 0, MidpointRounding.AwayFromZero)), false)
        {
            LineTotalFen = amountPaidFen,
        };

    /// <summary>Quantity × unit price, rounded to the fen once per line (half away from zero, as a till would).</summary>
    public static long AmountFen(long quantityMilli, long unitPriceFen) =>
        decimal.ToInt64(decimal.Round(quantityMilli * unitPriceFen / 1000m, 0, MidpointRounding.AwayFromZero));

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
