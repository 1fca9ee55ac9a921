using RuralCommerce.Orders.Domain.Orders;

namespace RuralCommerce.Orders.Features.Common;

internal sealed record OrderLineResponse(Guid ProductId, string ProductName, string Unit, decimal Quantity, decimal UnitPrice, decimal LineTotal);

internal sealed record DeliveryResponse(string Recipient, string Phone, string Province, string County, string Township, string Village, string Detail);

internal sealed record TransitionResponse(string Status, DateTimeOffset At);

/// <summary>An order as its buyer sees it; prices in yuan, quantities in units of sale.</summary>
internal sealed record OrderResponse(
    Guid OrderId, string Status, string Channel, string PaymentMethod, IReadOnlyList<OrderLineResponse> Lines, decimal Total,
    DeliveryResponse Delivery, DateTimeOffset PlacedAt, IReadOnlyList<TransitionResponse> History);

internal static class OrderResponses
{
    public static OrderResponse ToResponse(this Order o) => new(
        o.Id.Value, o.Status.ToString(), o.Channel.ToString(), o.PaymentMethod.ToString(),
        o.Lines.Select(l => new OrderLineResponse(l.ProductId, l.ProductName, l.Unit, l.Quantity, l.UnitPriceFen / 100m, l.LineTotalFen / 100m)).ToList(),
        o.Total.Amount,
        new DeliveryResponse(o.Delivery.Recipient, o.Delivery.Phone.Value, o.Delivery.Province, o.Delivery.County, o.Delivery.Township, o.Delivery.Village, o.Delivery.Detail),
        o.PlacedAt, o.Transitions.Select(t => new TransitionResponse(t.Status.ToString(), t.At)).ToList());
}
