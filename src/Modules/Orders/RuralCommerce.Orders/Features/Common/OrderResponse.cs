using RuralCommerce.Orders.Domain.Orders;

namespace RuralCommerce.Orders.Features.Common;

internal sealed record OrderLineResponse(
    Guid ProductId, Guid CooperativeId, string ProductName, string Unit, decimal Quantity, decimal UnitPrice, decimal LineTotal, bool LivestreamPrice);

internal sealed record DeliveryResponse(string Recipient, string Phone, string Province, string County, string Township, string Village, string Detail);

internal sealed record TransitionResponse(string Status, DateTimeOffset At);

/// <param name="Reason">CancelledAfterPayment, PaidAfterCancellation or PaidTwice.</param>
internal sealed record RefundResponse(decimal Amount, string Reason, DateTimeOffset DueAt, DateTimeOffset? RefundedAt);

/// <summary>One seller's part of an order on its way: the tracking a buyer sees. Amounts in yuan.</summary>
/// <param name="Status">ToPack, Packed, Shipped, Received (at the logistics centre), Dispatched or Delivered.</param>
internal sealed record ShipmentResponse(
    Guid ShipmentId, Guid SellerId, Guid CooperativeId, string Status, decimal Amount, Guid? LogisticsCentreId, string? Carrier, string? TrackingNumber,
    DateTimeOffset? PackedAt, DateTimeOffset? ShippedAt, DateTimeOffset? ReceivedAt, DateTimeOffset? DispatchedAt, DateTimeOffset? DeliveredAt,
    decimal? CashCollected);

internal sealed record RefundRequestLineResponse(Guid ProductId, Guid SellerId, decimal Quantity, decimal Amount, bool Delivered, DateTimeOffset? ReturnedAt);

/// <param name="Status">Requested, Approved or Rejected.</param>
internal sealed record RefundRequestResponse(
    Guid RequestId, Guid OrderId, Guid CooperativeId, string Status, decimal Amount, string Reason, IReadOnlyList<RefundRequestLineResponse> Lines,
    DateTimeOffset RequestedAt, DateTimeOffset? DecidedAt, string? Note);

/// <summary>
/// An order as its buyer sees it; prices in yuan, quantities in units of sale. In lists the delivery address is masked
/// (recipient's family name, the phone's first and last digits, no street detail).
/// </summary>
internal sealed record OrderResponse(
    Guid OrderId, string Status, string Channel, Guid? LivestreamId, string PaymentMethod, IReadOnlyList<OrderLineResponse> Lines, decimal Total,
    DeliveryResponse Delivery, DateTimeOffset PlacedAt, DateTimeOffset? PaidAt, IReadOnlyList<RefundResponse> Refunds,
    IReadOnlyList<TransitionResponse> History, IReadOnlyList<ShipmentResponse> Shipments, DateTimeOffset? DeliveredAt, DateTimeOffset? CompletedAt,
    IReadOnlyList<RefundRequestResponse> RefundRequests);

internal static class OrderResponses
{
    public static OrderResponse ToResponse(this Order o, bool masked = false) => new(
        o.Id.Value, o.Status.ToString(), o.Channel.ToString(), o.LivestreamId, o.PaymentMethod.ToString(),
        o.Lines.Select(ToResponse).ToList(),
        o.Total.Amount,
        masked ? Masked(o.Delivery) : Full(o.Delivery),
        o.PlacedAt, o.PaidAt,
        o.Refunds.Select(r => new RefundResponse(r.AmountFen / 100m, r.Reason.ToString(), r.DueAt, r.RefundedAt)).ToList(),
        o.Transitions.Select(t => new TransitionResponse(t.Status.ToString(), t.At)).ToList(),
        o.Shipments.Select(ToResponse).ToList(), o.DeliveredAt, o.CompletedAt, o.RefundRequests.Select(r => r.ToResponse(o.Id.Value)).ToList());

    public static RefundRequestResponse ToResponse(this RefundRequest r, Guid orderId) => new(
        r.Id, orderId, r.CooperativeId, r.Status.ToString(), r.AmountFen / 100m, r.Reason,
        r.Lines.Select(l => new RefundRequestLineResponse(l.ProductId, l.SellerId, l.Quantity, l.AmountFen / 100m, l.Delivered, l.ReturnedAt)).ToList(),
        r.RequestedAt, r.DecidedAt, r.Note);

    public static OrderLineResponse ToResponse(this OrderLine l) => new(
        l.ProductId, l.CooperativeId, l.ProductName, l.Unit, l.Quantity, l.UnitPriceFen / 100m, l.LineTotalFen / 100m, l.OnLivestreamOffer);

    public static ShipmentResponse ToResponse(this Shipment s) => new(
        s.Id, s.SellerId, s.CooperativeId, s.Status.ToString(), s.AmountFen / 100m, s.LogisticsCentreId, s.Carrier, s.TrackingNumber,
        s.PackedAt, s.ShippedAt, s.ReceivedAt, s.DispatchedAt, s.DeliveredAt, s.CashCollectedFen / 100m);

    public static DeliveryResponse Full(DeliveryAddress d) => new(d.Recipient, d.Phone.Value, d.Province, d.County, d.Township, d.Village, d.Detail);

    public static DeliveryResponse Masked(DeliveryAddress d) =>
        new(MaskName(d.Recipient), MaskPhone(d.Phone.Value), d.Province, d.County, d.Township, d.Village, "***");

    /// <summary>张三丰 → 张**; Zhao Lei → Z*******.</summary>
    public static string MaskName(string name) => name.Length <= 1 ? "*" : string.Concat(name.AsSpan(0, 1), new string('*', Math.Min(name.Length - 1, 8)));

    /// <summary>+8613800138000 → +86138****8000.</summary>
    public static string MaskPhone(string phone) => phone.Length <= 8 ? "****" : string.Concat(phone.AsSpan(0, phone.Length - 8), "****", phone.AsSpan(phone.Length - 4));
}
