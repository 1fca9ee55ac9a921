using RuralCommerce.Orders.Domain.Orders;
using RuralCommerce.SharedKernel;

namespace RuralCommerce.Orders.Tests;

/// <summary>A refund is asked within the window after its goods' delivery; before delivery there is no window.</summary>
public sealed class RefundWindowTests
{
    private static readonly DateTimeOffset Delivered = new(2026, 10, 1, 2, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Window = TimeSpan.FromDays(7);
    private static readonly Guid Cooperative = Guid.CreateVersion7();

    [Fact]
    public void On_the_last_moment_of_the_window_a_refund_is_asked_and_a_second_later_it_is_refused()
    {
        Assert.Equal(RefundRequestStatus.Requested, DeliveredOrder().AskForRefund(Cooperative, null, "Leaking", Window, Delivered + Window).Status);

        var late = Assert.Throws<BusinessRuleValidationException>(
            () => DeliveredOrder().AskForRefund(Cooperative, null, "Leaking", Window, Delivered + Window + TimeSpan.FromSeconds(1)));
        Assert.Equal(nameof(ARefundIsAskedWithinTheWindowRule), late.RuleName);
    }

    [Fact]
    public void Goods_not_yet_delivered_are_refunded_however_long_they_take()
    {
        var order = PaidOrder();

        var request = order.AskForRefund(Cooperative, null, "Never came", Window, Delivered + TimeSpan.FromDays(60));

        Assert.Equal((9100L, false), (request.AmountFen, request.Lines.Single().Delivered));
    }

    private static Order PaidOrder()
    {
        var line = new OrderLine(Guid.CreateVersion7(), Guid.CreateVersion7(), Cooperative, "Rice wine", "Bottle", 2_000, 4550, false);
        var address = new DeliveryAddress("Zhao Lei", PhoneNumber.Parse("+8613800138000"), "Hubei", "Xiaonan", "Zhuhe", "Zhuhe", "No. 3");
        var order = Order.Place(new OrderId(Guid.CreateVersion7()), Guid.CreateVersion7(), address, PaymentMethod.Alipay, [line], null, Delivered.AddDays(-3));
        order.ReceivePayment("tx-1", 9100, Delivered.AddDays(-3));
        return order;
    }

    private static Order DeliveredOrder()
    {
        var order = PaidOrder();
        var parcel = order.Shipments.Single().Id;
        order.Pack(parcel, Delivered.AddDays(-2));
        order.Ship(parcel, Guid.CreateVersion7(), "EMS", "EMS1", Delivered.AddDays(-2));
        order.ReceiveAtCentre(parcel, Delivered.AddDays(-1));
        order.DispatchFromCentre(parcel, Delivered.AddHours(-2));
        order.Deliver(parcel, Guid.CreateVersion7(), null, Delivered);
        return order;
    }
}
