using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RuralCommerce.Catalog.Features.AdjustStock;
using RuralCommerce.Catalog.Features.Common;
using RuralCommerce.Orders.Features.PlaceOrder;
using RuralCommerce.Orders.Persistence;
using RuralCommerce.Shared.Infrastructure.Persistence;

namespace RuralCommerce.Orders.Tests;

public sealed class PlaceOrderTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private readonly OrdersKit _kit = new(factory);

    private Task<(CatalogScenario Shop, SignedInMember Seller, ProductResponse Product)> ProductInStockAsync(decimal stock, string unit = "Bottle") =>
        _kit.ProductInStockAsync(stock, unit);

    private Task WaitForOrdersAsync(Guid productId, decimal declared) => _kit.WaitForOrdersAsync(productId, declared);

    private Task<(long Declared, long Reserved)> StockAsync(Guid productId) => _kit.StockAsync(productId);

    private Task<OrdersApi> BuyerAsync() => _kit.BuyerAsync();

    [Fact]
    public async Task A_buyer_places_an_order_at_the_shops_price_and_its_stock_is_reserved()
    {
        var (_, _, product) = await ProductInStockAsync(10m);
        var buyer = await BuyerAsync();

        var placed = await buyer.Place(OrdersApi.Buy(product.ProductId, 3m));

        Assert.Equal(HttpStatusCode.Created, placed.Status);
        var order = placed.Body;
        Assert.Equal(("Placed", "Shop", 136.50m), (order.Status, order.Channel, order.Total));
        var line = Assert.Single(order.Lines);
        Assert.Equal((3m, 45.50m, 136.50m), (line.Quantity, line.UnitPrice, line.LineTotal));
        Assert.Equal((10_000L, 3_000L), await StockAsync(product.ProductId));
        Assert.Equal(order.OrderId, (await buyer.Get(order.OrderId)).Body.OrderId);
        Assert.Equal([order.OrderId], (await buyer.Mine()).Body.Items.Select(o => o.OrderId));
        Assert.Equal(HttpStatusCode.NotFound, (await (await BuyerAsync()).Get(order.OrderId)).Status);
    }

    [Fact]
    public async Task An_order_that_cannot_be_met_names_its_short_lines_and_reserves_nothing()
    {
        var (shop, seller, wine) = await ProductInStockAsync(5m);
        var gift = await shop.ListedProductAsync(seller, CatalogTestData.RiceWine(price: 120m), stock: 2m);
        await WaitForOrdersAsync(gift.ProductId, 2m);
        var buyer = await BuyerAsync();

        var refused = await buyer.Place(new PlaceOrderRequest(
            [new OrderLineRequest(wine.ProductId, 4m), new OrderLineRequest(gift.ProductId, 3m)], OrdersApi.Home(), "Alipay"));

        Assert.Equal(HttpStatusCode.Conflict, refused.Status);
        var shortLine = Assert.Single(refused.Problem.GetProperty("shortLines").EnumerateArray());
        Assert.Equal(gift.ProductId, shortLine.GetProperty("productId").GetGuid());
        Assert.Equal(2m, shortLine.GetProperty("available").GetDecimal());
        Assert.Equal((5_000L, 0L), await StockAsync(wine.ProductId));
        Assert.Equal((2_000L, 0L), await StockAsync(gift.ProductId));
        Assert.Equal(0, (await buyer.Mine()).Body.TotalCount);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(1.5)]
    public async Task Zero_negative_or_fractional_bottles_are_refused(double quantity)
    {
        var (_, _, product) = await ProductInStockAsync(5m);

        var refused = await (await BuyerAsync()).Place(OrdersApi.Buy(product.ProductId, (decimal)quantity));

        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        Assert.Contains("lines", refused.FieldErrors.Keys);
        Assert.Equal((5_000L, 0L), await StockAsync(product.ProductId));
    }

    [Fact]
    public async Task A_delisted_or_unknown_product_is_not_for_sale_and_a_sent_price_is_ignored()
    {
        var (shop, seller, product) = await ProductInStockAsync(5m);
        await seller.Catalog.Delist(shop.CooperativeId, product.ProductId);
        await Eventually.HoldsAsync(async () =>
        {
            await using var scope = factory.Services.CreateAsyncScope();
            return !await scope.ServiceProvider.GetRequiredService<OrdersDbContext>().SellableProducts.AnyAsync(p => p.Id == product.ProductId && p.Listed);
        }, "Orders knows the product left the shop");
        var buyer = await BuyerAsync();

        var delisted = await buyer.Place(OrdersApi.Buy(product.ProductId, 1m));
        var unknown = await buyer.Place(OrdersApi.Buy(Guid.NewGuid(), 1m));
        Assert.Contains("ProductNotForSale", delisted.Text, StringComparison.Ordinal);
        Assert.Contains("ProductNotForSale", unknown.Text, StringComparison.Ordinal);

        var relisted = (await seller.Catalog.List(shop.CooperativeId, product.ProductId)).Body;
        await WaitForOrdersAsync(relisted.ProductId, 5m);
        using var tampered = await buyer.Http.PostAsync(new Uri(OrdersApiPaths.Url(OrdersApiPaths.Orders), UriKind.Relative), new StringContent(
            JsonSerializer.Serialize(new
            {
                lines = new[] { new { productId = product.ProductId, quantity = 1, unitPrice = 0.01 } },
                delivery = OrdersApi.Home(),
                paymentMethod = "WeChatPay",
                total = 0.01,
            }, new JsonSerializerOptions(JsonSerializerDefaults.Web)), System.Text.Encoding.UTF8, "application/json"));
        var order = JsonDocument.Parse(await tampered.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(45.50m, order.GetProperty("total").GetDecimal());
    }

    [Fact]
    public async Task A_refused_order_gives_the_orders_database_writer_back_at_once_with_or_without_a_key()
    {
        var (_, _, product) = await ProductInStockAsync(1m);
        var buyer = await BuyerAsync();
        var gate = factory.Services.GetRequiredService<SqliteWriteGates>().All[OrdersModule.Name];

        // Placement keeps one connection for the request: a transaction that was only disposed ends when it closes,
        // not after the busy timeout (10 s) that a leaked gate would take to give up.
        foreach (var key in new[] { null, Guid.NewGuid().ToString() })
        {
            Assert.Equal(HttpStatusCode.Conflict, (await buyer.Place(OrdersApi.Buy(product.ProductId, 2m), key)).Status);
            Assert.False(await StillHeldAfterAsync(gate, TimeSpan.FromSeconds(3)));
        }

        Assert.Equal(HttpStatusCode.Created, (await buyer.Place(OrdersApi.Buy(product.ProductId, 1m))).Status);
    }

    [Fact]
    public async Task Phones_that_drop_their_connection_mid_placement_leave_the_orders_writer_free_and_the_stock_whole()
    {
        // A host of its own: the dropped placements' deliveries must not keep the shared host's writer busy for other tests.
        await using var host = new ConfiguredHost(new Dictionary<string, string>());
        var kit = new OrdersKit(host);
        var (_, _, product) = await kit.ProductInStockAsync(1_000m);
        var buyers = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => kit.BuyerAsync()));
        var gate = host.Services.GetRequiredService<SqliteWriteGates>().All[OrdersModule.Name];

        for (var round = 0; round < 3; round++)
        {
            await Task.WhenAll(Enumerable.Range(0, 60).Select(i => PlaceAndDropAsync(buyers[i % buyers.Length], product.ProductId, TimeSpan.FromMilliseconds(i % 30))));

            Assert.False(await StillHeldAfterAsync(gate, TimeSpan.FromSeconds(3)), $"after round {round} the writer was still held");
        }

        var next = Stopwatch.StartNew();
        Assert.Equal(HttpStatusCode.Created, (await buyers[0].Place(OrdersApi.Buy(product.ProductId, 1m), Guid.NewGuid().ToString())).Status);
        Assert.True(next.Elapsed < TimeSpan.FromSeconds(5), $"the next placement took {next.Elapsed}");

        // Every unit reserved belongs to an order that was stored, and every stored order holds its unit.
        var stored = (await Task.WhenAll(buyers.Select(b => b.Mine()))).Sum(o => o.Body.TotalCount);
        Assert.Equal((1_000_000L, stored * 1_000L), await kit.StockAsync(product.ProductId));
    }

    /// <summary>Whether the writer is still held once <paramref name="patience"/> has passed (false as soon as it is free).</summary>
    private static async Task<bool> StillHeldAfterAsync(SqliteWriteGate gate, TimeSpan patience)
    {
        var waited = Stopwatch.StartNew();
        while (gate.IsHeld && waited.Elapsed < patience)
        {
            await Task.Delay(10);
        }

        return gate.IsHeld;
    }

    /// <summary>A phone that gives up after <paramref name="patience"/>: while queued for the writer, as it is handed over, or holding it.</summary>
    private static async Task PlaceAndDropAsync(OrdersApi buyer, Guid productId, TimeSpan patience)
    {
        using var dropped = new CancellationTokenSource(patience);
        using var request = new HttpRequestMessage(HttpMethod.Post, OrdersApiPaths.Url(OrdersApiPaths.Orders))
        {
            Content = JsonContent.Create(OrdersApi.Buy(productId, 1m)),
        };
        request.Headers.Add(ApiClient.IdempotencyKeyHeader, Guid.NewGuid().ToString());
        try
        {
            using var reply = await buyer.Http.SendAsync(request, dropped.Token);
        }
        catch (OperationCanceledException)
        {
            // The phone is gone; whatever the host had committed stands.
        }
    }

    [Fact]
    public async Task Placements_beyond_what_a_host_works_on_and_queues_are_asked_to_retry_and_a_retry_with_the_key_goes_through()
    {
        await using var host = new ConfiguredHost(new Dictionary<string, string>
        {
            ["Orders:PlacementConcurrency"] = "1",
            ["Orders:PlacementQueue"] = "0",
        });
        var kit = new OrdersKit(host);
        var (_, _, product) = await kit.ProductInStockAsync(100m);
        var buyers = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => kit.BuyerAsync()));
        var requests = Enumerable.Range(0, 40).Select(i => (Buyer: buyers[i % 4], Key: $"burst-{i}")).ToList();

        var replies = await Task.WhenAll(requests.Select(r => r.Buyer.Place(OrdersApi.Buy(product.ProductId, 1m), r.Key)));

        Assert.All(replies, r => Assert.True(r.Status is HttpStatusCode.Created or HttpStatusCode.TooManyRequests, r.Text));
        Assert.Contains(replies, r => r.Status == HttpStatusCode.TooManyRequests);
        Assert.Equal((100_000L, replies.Count(r => r.Status == HttpStatusCode.Created) * 1_000L), await kit.StockAsync(product.ProductId));

        foreach (var (request, reply) in requests.Zip(replies).Where(p => p.Second.Status == HttpStatusCode.TooManyRequests))
        {
            Assert.Equal(HttpStatusCode.Created, (await request.Buyer.Place(OrdersApi.Buy(product.ProductId, 1m), request.Key)).Status);
        }

        Assert.Equal((100_000L, 40_000L), await kit.StockAsync(product.ProductId));
    }

    [Fact]
    public async Task Fifty_buyers_at_once_for_twenty_bottles_buy_exactly_twenty_and_replaying_every_request_changes_nothing()
    {
        var (_, _, product) = await ProductInStockAsync(20m);
        var buyers = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => BuyerAsync()));
        var keys = buyers.Select(_ => Guid.NewGuid().ToString()).ToArray();

        var replies = await Task.WhenAll(buyers.Select((b, i) => b.Place(OrdersApi.Buy(product.ProductId, 1m), keys[i])));

        Assert.Equal(20, replies.Count(r => r.Status == HttpStatusCode.Created));
        Assert.Equal(30, replies.Count(r => r.Status == HttpStatusCode.Conflict && r.Text.Contains("InsufficientStock", StringComparison.Ordinal)));
        Assert.Equal((20_000L, 20_000L), await StockAsync(product.ProductId));

        var replays = await Task.WhenAll(buyers.Select((b, i) => b.Place(OrdersApi.Buy(product.ProductId, 1m), keys[i])));

        for (var i = 0; i < replies.Length; i++)
        {
            if (replies[i].Status == HttpStatusCode.Created)
            {
                Assert.Equal(replies[i].Body.OrderId, replays[i].Body.OrderId);
            }
            else
            {
                Assert.Equal(HttpStatusCode.Conflict, replays[i].Status);
            }
        }

        Assert.Equal((20_000L, 20_000L), await StockAsync(product.ProductId));
        var orders = await Task.WhenAll(buyers.Select(b => b.Mine()));
        Assert.Equal(20, orders.Sum(o => o.Body.TotalCount));
    }

    [Fact]
    public async Task A_phone_that_retries_while_its_first_request_is_still_running_gets_that_one_order()
    {
        var (_, _, product) = await ProductInStockAsync(10m);
        var buyer = await BuyerAsync();
        var key = Guid.NewGuid().ToString();

        var replies = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => buyer.Place(OrdersApi.Buy(product.ProductId, 1m), key)));

        Assert.All(replies, r => Assert.Equal(HttpStatusCode.Created, r.Status));
        Assert.Single(replies.Select(r => r.Body.OrderId).Distinct());
        Assert.Equal((10_000L, 1_000L), await StockAsync(product.ProductId));
        Assert.Equal(1, (await buyer.Mine()).Body.TotalCount);
    }

    [Fact]
    public async Task The_same_burst_split_over_two_hosts_on_one_data_folder_sells_exactly_the_stock()
    {
        var (_, _, product) = await ProductInStockAsync(20m);
        using var second = new SecondHost(factory);
        var buyers = await Task.WhenAll(Enumerable.Range(0, 50).Select(async i =>
        {
            var session = (await factory.NewVerifiedPersonAsync("Zhao Lei")).Session;
            return new OrdersApi(i % 2 == 0 ? factory.ClientFor(session) : second.ClientFor(session));
        }));

        var replies = await Task.WhenAll(buyers.Select(b => b.Place(OrdersApi.Buy(product.ProductId, 1m), Guid.NewGuid().ToString())));

        Assert.Equal(20, replies.Count(r => r.Status == HttpStatusCode.Created));
        Assert.All(replies.Where(r => r.Status != HttpStatusCode.Created), r => Assert.Contains("InsufficientStock", r.Text, StringComparison.Ordinal));
        Assert.Equal((20_000L, 20_000L), await StockAsync(product.ProductId));
    }

    [Fact]
    public async Task Cancelling_gives_the_stock_back_once_even_when_two_phones_cancel_at_once()
    {
        var (_, _, product) = await ProductInStockAsync(5m);
        var buyer = await BuyerAsync();
        var order = (await buyer.Place(OrdersApi.Buy(product.ProductId, 4m))).Body;

        Assert.Equal(HttpStatusCode.NotFound, (await (await BuyerAsync()).Cancel(order.OrderId)).Status);
        var both = await Task.WhenAll(buyer.Cancel(order.OrderId), buyer.Cancel(order.OrderId));

        Assert.Equal(1, both.Count(r => r.Status == HttpStatusCode.OK));
        Assert.Equal(HttpStatusCode.Conflict, both.Single(r => r.Status != HttpStatusCode.OK).Status);
        Assert.Equal((5_000L, 0L), await StockAsync(product.ProductId));
        var cancelled = (await buyer.Get(order.OrderId)).Body;
        Assert.Equal("Cancelled", cancelled.Status);
        Assert.Equal(["Placed", "Cancelled"], cancelled.History.Select(h => h.Status));
        Assert.Equal("ACancelledOrderStaysCancelledRule", (await buyer.Cancel(order.OrderId)).BrokenRule);
        Assert.Equal(HttpStatusCode.Created, (await (await BuyerAsync()).Place(OrdersApi.Buy(product.ProductId, 5m))).Status);
    }

    [Fact]
    public async Task A_restock_reaches_orders_once_and_in_sequence()
    {
        var (shop, seller, product) = await ProductInStockAsync(2m);
        await seller.Catalog.AdjustStock(shop.CooperativeId, product.ProductId, new AdjustStockRequest("Restock", 8m, null, null));
        await seller.Catalog.AdjustStock(shop.CooperativeId, product.ProductId, new AdjustStockRequest("Spoilage", 1m, null, null));

        await WaitForOrdersAsync(product.ProductId, 9m);
        await using var scope = factory.Services.CreateAsyncScope();
        var copy = await scope.ServiceProvider.GetRequiredService<OrdersDbContext>().SellableProducts.AsNoTracking().SingleAsync(p => p.Id == product.ProductId);
        Assert.Equal(3, copy.StockSequence);
    }

    [Fact]
    public async Task The_shop_shows_what_orders_leave_and_what_a_cancellation_gives_back()
    {
        var (shop, _, product) = await ProductInStockAsync(10m);
        var buyer = await BuyerAsync();
        var order = (await buyer.Place(OrdersApi.Buy(product.ProductId, 3m))).Body;

        await Eventually.HoldsAsync(async () => (await shop.Anonymous.ShopProduct(product.ProductId)).Body.Available == 7m, "the shop shows 7 left");
        await buyer.Cancel(order.OrderId);
        await Eventually.HoldsAsync(async () => (await shop.Anonymous.ShopProduct(product.ProductId)).Body.Available == 10m, "the shop shows 10 again");
        Assert.Equal(10m, (await shop.Admin.GetProduct(shop.CooperativeId, product.ProductId)).Body.StockOnHand);
    }
}
