using System.Net;
using Microsoft.Extensions.DependencyInjection;
using RuralCommerce.Orders.Features.Housekeeping;

namespace RuralCommerce.Orders.Tests;

public sealed class PaymentTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private readonly OrdersKit _kit = new(factory);
    private readonly PaymentProvider _provider = new(factory);

    [Fact]
    public async Task A_signed_callback_pays_the_order_once_however_often_and_however_it_is_forged()
    {
        var (_, _, product) = await _kit.ProductInStockAsync(10m);
        var buyer = await _kit.BuyerAsync();
        var order = (await buyer.Place(OrdersApi.Buy(product.ProductId, 2m, "Alipay"))).Body;

        var session = await buyer.Pay(order.OrderId, "pay-1");
        Assert.Equal(HttpStatusCode.OK, session.Status);
        Assert.Equal((91.00m, "Alipay", $"/pay/dev/{order.OrderId}"), (session.Body.Amount, session.Body.PaymentMethod, session.Body.PayUrl));
        Assert.Equal(session.Text, (await buyer.Pay(order.OrderId, "pay-1")).Text);
        Assert.Equal(HttpStatusCode.NotFound, (await (await _kit.BuyerAsync()).Pay(order.OrderId)).Status);

        Assert.Equal(HttpStatusCode.Unauthorized, (await _provider.NotifyAsync(order.OrderId, "tx-1", 9100, PaymentProvider.Forged)).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await _provider.NotifyAsync(order.OrderId, "tx-1", 9100, "")).Status);
        Assert.Equal("APaymentCoversTheWholeOrderRule", (await _provider.NotifyAsync(order.OrderId, "tx-1", 100)).BrokenRule);
        Assert.Equal(HttpStatusCode.NotFound, (await _provider.NotifyAsync(Guid.NewGuid(), "tx-1", 9100)).Status);
        Assert.Equal("Placed", (await buyer.Get(order.OrderId)).Body.Status);

        var twice = await Task.WhenAll(_provider.NotifyAsync(order.OrderId, "tx-1", 9100), _provider.NotifyAsync(order.OrderId, "tx-1", 9100));
        var again = await _provider.NotifyAsync(order.OrderId, "tx-1", 9100);

        Assert.Contains(twice, r => r.Status == HttpStatusCode.OK && r.Body.Outcome == "Paid");
        Assert.Equal("AlreadyRecorded", again.Body.Outcome);
        var paid = (await buyer.Get(order.OrderId)).Body;
        Assert.Equal("Paid", paid.Status);
        Assert.Equal(["Placed", "Paid"], paid.History.Select(h => h.Status));
        Assert.Empty(paid.Refunds);
        Assert.Equal("AlreadyPaid", (await buyer.Pay(order.OrderId)).Problem.GetProperty("reason").GetString());

        var secondPayment = await _provider.NotifyAsync(order.OrderId, "tx-2", 9100);
        Assert.Equal(("RefundDue", "Paid"), (secondPayment.Body.Outcome, secondPayment.Body.OrderStatus));
        Assert.Equal(("PaidTwice", 91.00m), (await buyer.Get(order.OrderId)).Body.Refunds.Select(r => (r.Reason, r.Amount)).Single());
    }

    [Fact]
    public async Task Money_that_arrives_after_a_cancellation_is_refunded_and_never_revives_the_order()
    {
        var (_, _, product) = await _kit.ProductInStockAsync(10m);
        var buyer = await _kit.BuyerAsync();
        var order = (await buyer.Place(OrdersApi.Buy(product.ProductId, 1m))).Body;
        await buyer.Cancel(order.OrderId);

        var late = await _provider.NotifyAsync(order.OrderId, "tx-late", 4550);

        Assert.Equal(("RefundDue", "Cancelled"), (late.Body.Outcome, late.Body.OrderStatus));
        var cancelled = (await buyer.Get(order.OrderId)).Body;
        Assert.Equal("Cancelled", cancelled.Status);
        var refund = Assert.Single(cancelled.Refunds);
        Assert.Equal(("PaidAfterCancellation", 45.50m), (refund.Reason, refund.Amount));
        Assert.Null(refund.RefundedAt);
        Assert.Equal((10_000L, 0L), await _kit.StockAsync(product.ProductId));

        Assert.True(await factory.Services.GetRequiredService<OrderHousekeeping>().SendRefundsAsync(default) >= 1);
        Assert.NotNull((await buyer.Get(order.OrderId)).Body.Refunds.Single().RefundedAt);
    }

    [Fact]
    public async Task Cancelling_a_paid_order_refunds_it_and_gives_its_stock_back()
    {
        var (_, _, product) = await _kit.ProductInStockAsync(10m);
        var buyer = await _kit.BuyerAsync();
        var order = (await buyer.Place(OrdersApi.Buy(product.ProductId, 3m))).Body;
        await _provider.NotifyAsync(order.OrderId, $"tx-{order.OrderId}", 13650);

        var cancelled = await buyer.Cancel(order.OrderId);

        Assert.Equal("Cancelled", cancelled.Body.Status);
        Assert.Equal(("CancelledAfterPayment", 136.50m), cancelled.Body.Refunds.Select(r => (r.Reason, r.Amount)).Single());
        Assert.Equal((10_000L, 0L), await _kit.StockAsync(product.ProductId));
        Assert.Equal("ACancelledOrderStaysCancelledRule", (await buyer.Cancel(order.OrderId)).BrokenRule);
    }

    [Fact]
    public async Task A_cash_on_delivery_order_is_confirmed_at_once_and_not_paid_online()
    {
        var (_, _, product) = await _kit.ProductInStockAsync(10m);
        var buyer = await _kit.BuyerAsync();

        var order = (await buyer.Place(OrdersApi.Buy(product.ProductId, 1m, "CashOnDelivery"))).Body;

        Assert.Equal("Confirmed", order.Status);
        Assert.Equal(["Placed", "Confirmed"], order.History.Select(h => h.Status));
        Assert.Equal("PaidOnDelivery", (await buyer.Pay(order.OrderId)).Problem.GetProperty("reason").GetString());
        Assert.Equal((10_000L, 1_000L), await _kit.StockAsync(product.ProductId));
    }
}
