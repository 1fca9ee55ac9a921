using RuralCommerce.SharedKernel;

namespace RuralCommerce.Orders.Contracts;

/// <summary>Something happened to one order: delivered in order per order.</summary>
public abstract record OrderIntegrationEvent(Guid OrderId) : IntegrationEvent
{
    public override string PartitionKey => $"order:{OrderId}";
}

/// <summary>One line of an order: quantity in units of sale, prices in fen.</summary>
public sealed record OrderLineDto(Guid ProductId, Guid SellerId, Guid CooperativeId, decimal Quantity, long UnitPriceFen, long LineTotalFen);

/// <summary>
/// <paramref name="Channel"/>: Shop or Livestream (then <paramref name="LivestreamId"/> and its host's member id);
/// <paramref name="PaymentMethod"/>: WeChatPay, Alipay, BankTransfer or CashOnDelivery.
/// </summary>
public sealed record OrderPlacedIntegrationEvent(
    Guid OrderId, Guid BuyerAccountId, string Channel, Guid? LivestreamId, Guid? LivestreamHostMemberId, string PaymentMethod,
    IReadOnlyList<OrderLineDto> Lines, long TotalFen, DateTimeOffset PlacedAt)
    : OrderIntegrationEvent(OrderId);

/// <summary>The order's money arrived: <paramref name="AmountFen"/> through <paramref name="PaymentMethod"/>.</summary>
public sealed record OrderPaidIntegrationEvent(Guid OrderId, string PaymentMethod, long AmountFen, DateTimeOffset PaidAt)
    : OrderIntegrationEvent(OrderId);

/// <summary>
/// The order was cancelled (by its buyer, or expired unpaid: no actor) and its reserved stock released;
/// <paramref name="RefundDue"/> when it had been paid and its money goes back.
/// </summary>
public sealed record OrderCancelledIntegrationEvent(Guid OrderId, Guid? ActorAccountId, DateTimeOffset CancelledAt, bool RefundDue)
    : OrderIntegrationEvent(OrderId);

/// <summary>Stock of one product held or given back by an order: delivered in order per product.</summary>
public abstract record ProductStockIntegrationEvent(Guid ProductId) : IntegrationEvent
{
    public override string PartitionKey => $"product:{ProductId}";
}

/// <summary>An order holds <paramref name="Quantity"/> (units of sale) of the product until it ships or is cancelled.</summary>
public sealed record StockReservedIntegrationEvent(Guid ProductId, Guid OrderId, decimal Quantity) : ProductStockIntegrationEvent(ProductId);

/// <summary>A cancelled or expired order gave <paramref name="Quantity"/> back: it can be sold again.</summary>
public sealed record StockReleasedIntegrationEvent(Guid ProductId, Guid OrderId, decimal Quantity) : ProductStockIntegrationEvent(ProductId);

/// <summary>A seller handed their part of an order to the carrier, for the logistics centre.</summary>
public sealed record ShipmentShippedIntegrationEvent(
    Guid OrderId, Guid ShipmentId, Guid SellerId, Guid CooperativeId, Guid LogisticsCentreId, string Carrier, string TrackingNumber, DateTimeOffset ShippedAt)
    : OrderIntegrationEvent(OrderId);

/// <summary>A shipment reached the buyer.</summary>
public sealed record ShipmentDeliveredIntegrationEvent(Guid OrderId, Guid ShipmentId, Guid SellerId, Guid CooperativeId, DateTimeOffset DeliveredAt)
    : OrderIntegrationEvent(OrderId);

/// <summary>
/// What one seller earned from a completed order: their lines' amounts, in fen, and (on completion) the same by product,
/// with the product's name as sold. Earlier messages have no products (null).
/// </summary>
public sealed record SellerAmountDto(Guid SellerId, Guid CooperativeId, long AmountFen, IReadOnlyList<ProductAmountDto>? Products = null);

/// <summary>What one product of a seller earned in an order, net of refunds before completion, in fen.</summary>
public sealed record ProductAmountDto(Guid ProductId, string ProductName, long AmountFen);

/// <summary>
/// An order is complete (the buyer confirmed receipt, or the waiting time after delivery passed): Income Tracking
/// credits each seller their amount, less the refunds approved before completion. <paramref name="Channel"/> is Shop, Livestream or Imported
/// (then <paramref name="Platform"/> names the livestream platform that sold it).
/// </summary>
public sealed record OrderCompletedIntegrationEvent(
    Guid OrderId, string Channel, Guid? LivestreamId, Guid? LivestreamHostMemberId, IReadOnlyList<SellerAmountDto> Sellers, long TotalFen,
    DateTimeOffset CompletedAt, string? Platform = null)
    : OrderIntegrationEvent(OrderId);

/// <summary>
/// Money goes back to a buyer for some of one cooperative's lines: each seller's share in fen. When
/// <paramref name="AfterCompletion"/>, the sellers were already credited for the order and Income Tracking debits them.
/// </summary>
public sealed record OrderRefundedIntegrationEvent(
    Guid OrderId, Guid RefundRequestId, string Channel, Guid? LivestreamId, IReadOnlyList<SellerAmountDto> Sellers, long TotalFen,
    bool AfterCompletion, DateTimeOffset RefundedAt)
    : OrderIntegrationEvent(OrderId);
