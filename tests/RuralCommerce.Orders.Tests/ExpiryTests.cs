using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RuralCommerce.Orders.Features.Housekeeping;
using RuralCommerce.Orders.Persistence;

namespace RuralCommerce.Orders.Tests;

/// <summary>A host whose unpaid orders expire after a second, and whose own job stays out of the way of the test.</summary>
public sealed class QuickExpiryFactory : ApiFactory
{
    public static readonly IReadOnlyDictionary<string, string> QuickExpiry = new Dictionary<string, string>
    {
        ["Orders:UnpaidExpiry"] = "00:00:01",
        ["Orders:HousekeepingInterval"] = "01:00:00",
    };

    protected override IReadOnlyDictionary<string, string> Settings => QuickExpiry;
}

public sealed class ExpiryTests(QuickExpiryFactory factory) : IClassFixture<QuickExpiryFactory>
{
    private readonly OrdersKit _kit = new(factory);

    [Fact]
    public async Task Unpaid_orders_expire_once_across_two_hosts_and_give_their_stock_back_while_paid_and_cash_orders_stay()
    {
        var (_, _, product) = await _kit.ProductInStockAsync(20m);
        var buyers = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => _kit.BuyerAsync()));
        var unpaid = await Task.WhenAll(buyers.Take(4).Select(b => b.Place(OrdersApi.Buy(product.ProductId, 2m))));
        var cash = (await buyers[4].Place(OrdersApi.Buy(product.ProductId, 1m, "CashOnDelivery"))).Body;
        var paid = (await buyers[5].Place(OrdersApi.Buy(product.ProductId, 1m))).Body;
        await new PaymentProvider(factory).NotifyAsync(paid.OrderId, $"tx-{paid.OrderId}", 4550);
        Assert.Equal((20_000L, 10_000L), await _kit.StockAsync(product.ProductId));
        await Task.Delay(TimeSpan.FromSeconds(1.2));
        using var second = new SecondHost(factory, QuickExpiryFactory.QuickExpiry);

        var expired = await Task.WhenAll(
            factory.Services.GetRequiredService<OrderHousekeeping>().ExpireUnpaidAsync(default),
            second.Services.GetRequiredService<OrderHousekeeping>().ExpireUnpaidAsync(default));

        Assert.Equal(4, expired.Sum());
        Assert.Equal((20_000L, 2_000L), await _kit.StockAsync(product.ProductId));
        foreach (var (reply, buyer) in unpaid.Zip(buyers))
        {
            var order = (await buyer.Get(reply.Body.OrderId)).Body;
            Assert.Equal(["Placed", "Cancelled"], order.History.Select(h => h.Status));
        }

        Assert.Equal("Confirmed", (await buyers[4].Get(cash.OrderId)).Body.Status);
        Assert.Equal("Paid", (await buyers[5].Get(paid.OrderId)).Body.Status);
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OrdersDbContext>();
        Assert.All(await db.Orders.Include(o => o.Transitions).Where(o => o.Status == Domain.Orders.OrderStatus.Cancelled).ToListAsync(),
            o => Assert.Null(o.Transitions[^1].ActorAccountId));
        Assert.Equal(0, await factory.Services.GetRequiredService<OrderHousekeeping>().ExpireUnpaidAsync(default));
        Assert.Equal(HttpStatusCode.Created, (await buyers[0].Place(OrdersApi.Buy(product.ProductId, 18m))).Status);
    }
}
