using RuralCommerce.SharedKernel;

namespace RuralCommerce.Orders.Contracts;

/// <summary>Something happened to one order: delivered in order per order.</summary>
public abstract record OrderIntegrationEvent(Guid OrderId) : IntegrationEvent
{
    public override string PartitionKey => $"order:{OrderId}";
}

/// <summary>One line of an order: quantity in units of sale, prices in fen.</summary>
public sealed record OrderLineDto(Guid ProductId, Guid SellerId, Guid CooperativeId, decimal Quantity, long UnitPriceFen, long LineTotalFen);

/// <summary><paramref name="Channel"/>: Shop or Livestream; <paramref name="PaymentMethod"/>: WeChatPay, Alipay, BankTransfer or CashOnDelivery.</summary>
public sealed record OrderPlacedIntegrationEvent(
    Guid OrderId, Guid BuyerAccountId, string Channel, string PaymentMethod, IReadOnlyList<OrderLineDto> Lines, long TotalFen, DateTimeOffset PlacedAt)
    : OrderIntegrationEvent(OrderId);

/// <summary>The order was cancelled (by its buyer, or expired unpaid: no actor) and its reserved stock released.</summary>
public sealed record OrderCancelledIntegrationEvent(Guid OrderId, Guid? ActorAccountId, DateTimeOffset CancelledAt)
    : OrderIntegrationEvent(OrderId);
