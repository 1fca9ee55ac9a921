using RuralCommerce.SharedKernel;

namespace RuralCommerce.Orders.Domain.Orders;

/// <summary>A shipment's steps, in the only order they can happen.</summary>
internal enum ShipmentStatus
{
    /// <summary>Waiting for the seller to pack it (once the order is paid, or at once for cash on delivery).</summary>
    ToPack,
    Packed,

    /// <summary>Handed to the carrier for the county logistics centre, with a tracking number.</summary>
    Shipped,

    /// <summary>Received at the logistics centre.</summary>
    Received,

    /// <summary>Out for delivery from the centre.</summary>
    Dispatched,
    Delivered,
}

/// <summary>One seller's part of an order, packed by the seller and carried through a county logistics centre.</summary>
internal sealed class Shipment
{
    private Shipment()
    {
    }

    public Shipment(Guid id, Guid sellerId, Guid cooperativeId, long amountFen)
    {
        Id = id;
        SellerId = sellerId;
        CooperativeId = cooperativeId;
        AmountFen = amountFen;
    }

    public Guid Id { get; private set; }

    public Guid SellerId { get; private set; }

    public Guid CooperativeId { get; private set; }

    /// <summary>What the seller's lines of the order come to.</summary>
    public long AmountFen { get; private set; }

    public ShipmentStatus Status { get; private set; }

    public Guid? LogisticsCentreId { get; private set; }

    public string? Carrier { get; private set; }

    public string? TrackingNumber { get; private set; }

    public DateTimeOffset? PackedAt { get; private set; }

    public DateTimeOffset? ShippedAt { get; private set; }

    public DateTimeOffset? ReceivedAt { get; private set; }

    public DateTimeOffset? DispatchedAt { get; private set; }

    public DateTimeOffset? DeliveredAt { get; private set; }

    /// <summary>Cash the logistics operator collected at the door (cash on delivery).</summary>
    public long? CashCollectedFen { get; private set; }

    internal void Pack(DateTimeOffset now)
    {
        Step(ShipmentStatus.ToPack, ShipmentStatus.Packed);
        PackedAt = now;
    }

    internal void Ship(Guid logisticsCentreId, string carrier, string trackingNumber, DateTimeOffset now)
    {
        Step(ShipmentStatus.Packed, ShipmentStatus.Shipped);
        LogisticsCentreId = logisticsCentreId;
        Carrier = carrier;
        TrackingNumber = trackingNumber;
        ShippedAt = now;
    }

    internal void Receive(DateTimeOffset now)
    {
        Step(ShipmentStatus.Shipped, ShipmentStatus.Received);
        ReceivedAt = now;
    }

    internal void Dispatch(DateTimeOffset now)
    {
        Step(ShipmentStatus.Received, ShipmentStatus.Dispatched);
        DispatchedAt = now;
    }

    internal void Deliver(long? cashCollectedFen, DateTimeOffset now)
    {
        Step(ShipmentStatus.Dispatched, ShipmentStatus.Delivered);
        CashCollectedFen = cashCollectedFen;
        DeliveredAt = now;
    }

    private void Step(ShipmentStatus from, ShipmentStatus to)
    {
        if (Status != from)
        {
            throw new BusinessRuleValidationException(new AShipmentTakesItsStepsInOrderRule(this, from, to));
        }

        Status = to;
    }
}

internal sealed class AShipmentTakesItsStepsInOrderRule(Shipment shipment, ShipmentStatus from, ShipmentStatus to) : IBusinessRule
{
    public string Message => $"A shipment becomes {to} only from {from}; this one is {shipment.Status}.";

    public bool IsBroken() => shipment.Status != from;
}
