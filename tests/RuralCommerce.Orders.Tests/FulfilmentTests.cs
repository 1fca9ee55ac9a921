using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RuralCommerce.IncomeTracking;
using RuralCommerce.Orders.Contracts;
using RuralCommerce.Orders.Features.AskForRefund;
using RuralCommerce.Orders.Features.Housekeeping;
using RuralCommerce.Orders.Features.LogisticsCentres;
using RuralCommerce.Orders.Features.PlaceOrder;
using RuralCommerce.Orders.Features.SellerShipments;
using RuralCommerce.Orders.Persistence;

namespace RuralCommerce.Orders.Tests;

/// <summary>A host whose delivered orders complete at once when the job runs, and whose own job stays out of the way.</summary>
public sealed class QuickCompletionFactory : ApiFactory
{
    public static readonly IReadOnlyDictionary<string, string> QuickCompletion = new Dictionary<string, string>
    {
        ["Orders:CompletionDelay"] = "00:00:00",
        ["Orders:HousekeepingInterval"] = "01:00:00",
    };

    protected override IReadOnlyDictionary<string, string> Settings => QuickCompletion;
}

/// <summary>Placed → paid → packed → shipped → received → dispatched → delivered → completed, one shipment per seller.</summary>
public sealed class FulfilmentTests(QuickCompletionFactory factory) : IClassFixture<QuickCompletionFactory>
{
    private readonly OrdersKit _kit = new(factory);
    private readonly OrdersApi _platform = new(factory.CreateAdminClient());

    /// <summary>Two sellers of one cooperative in a county of its own, its county's centre and an operator working it.</summary>
    private async Task<Fulfilment> FulfilmentAsync()
    {
        var province = $"Hubei {Guid.NewGuid():N}"[..20];
        var (shop, wineSeller, wine) = await _kit.ProductInStockAsync(10m, province: province);
        var riceSeller = await shop.AddSellerAsync("Wang Fang", "Zhuhe");
        var rice = await shop.ListedProductAsync(riceSeller, CatalogTestData.RiceWine(price: 12.30m), stock: 10m);
        await _kit.WaitForOrdersAsync(rice.ProductId, 10m);
        var centre = (await _platform.RegisterCentre(new RegisterCentreRequest("Pujiang County Logistics Centre", province, "Pujiang", "1 Station Road"))).Body;
        var (_, operatorSession) = await factory.NewVerifiedPersonAsync("Liu Yang");
        var appointed = await _platform.AppointOnceKnownAsync(centre.CentreId, await factory.AccountIdAsync(operatorSession));
        Assert.True(appointed.Status == HttpStatusCode.OK, appointed.Text);
        await _kit.WaitForOrdersAsync(db => db.CooperativeLocations.AnyAsync(l => l.CooperativeId == shop.CooperativeId), "Orders knows where the cooperative is");
        return new Fulfilment(
            shop.CooperativeId, new OrdersApi(shop.Cooperative.Admin.Http), centre.CentreId, new OrdersApi(factory.ClientFor(wineSeller.Session)), wine.ProductId, wineSeller.MemberId,
            new OrdersApi(factory.ClientFor(riceSeller.Session)), rice.ProductId, riceSeller.MemberId, new OrdersApi(factory.ClientFor(operatorSession)));
    }

    private sealed record Fulfilment(
        Guid CooperativeId, OrdersApi Admin, Guid CentreId, OrdersApi WineSeller, Guid Wine, Guid WineSellerId, OrdersApi RiceSeller, Guid Rice, Guid RiceSellerId,
        OrdersApi Operator);

    [Fact]
    public async Task The_packing_list_holds_only_orders_that_can_ship_and_a_cancelled_order_is_refused_as_cancelled()
    {
        var f = await FulfilmentAsync();
        var buyer = await _kit.BuyerAsync();
        var unpaid = (await buyer.Place(new PlaceOrderRequest([new OrderLineRequest(f.Wine, 1m)], OrdersApi.Home(), "Alipay"))).Body;
        var cancelled = (await buyer.Place(new PlaceOrderRequest([new OrderLineRequest(f.Wine, 1m)], OrdersApi.Home(), "Alipay"))).Body;
        await new PaymentProvider(factory).NotifyAsync(cancelled.OrderId, $"tx-{cancelled.OrderId}", (long)(cancelled.Total * 100));
        Assert.Equal(HttpStatusCode.OK, (await buyer.Cancel(cancelled.OrderId)).Status);
        var cash = (await buyer.Place(new PlaceOrderRequest([new OrderLineRequest(f.Wine, 1m)], OrdersApi.Home(), "CashOnDelivery"))).Body;

        var packingList = (await f.WineSeller.SellerShipments(f.CooperativeId, "?status=ToPack")).Body;
        var refused = await f.WineSeller.Pack(f.CooperativeId, cancelled.Shipments.Single().ShipmentId);
        var notYet = await f.WineSeller.Pack(f.CooperativeId, unpaid.Shipments.Single().ShipmentId);

        Assert.Equal([cash.OrderId], packingList.Items.Select(i => i.OrderId));
        Assert.Equal(1, packingList.TotalCount);
        Assert.Equal((HttpStatusCode.Conflict, "ACancelledOrderDoesNotShipRule"), (refused.Status, refused.BrokenRule));
        Assert.Equal((HttpStatusCode.Conflict, "AnOrderShipsOnlyOncePaidRule"), (notYet.Status, notYet.BrokenRule));
    }

    [Fact]
    public async Task An_order_of_two_sellers_ships_as_two_parcels_through_the_county_centre_and_completes_with_each_sellers_amount()
    {
        var f = await FulfilmentAsync();
        var today = RuralCommerce.SharedKernel.ChinaTime.Today(DateTimeOffset.UtcNow).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        using var rate = await f.Admin.Http.PutAsJsonAsync(
            new Uri(IncomeTrackingApiPaths.Url(IncomeTrackingApiPaths.CommissionRate, f.CooperativeId, today), UriKind.Relative), new { percent = 5m });
        Assert.Equal(HttpStatusCode.OK, rate.StatusCode);
        var buyer = await _kit.BuyerAsync();
        var order = (await buyer.Place(new PlaceOrderRequest(
            [new OrderLineRequest(f.Wine, 2m), new OrderLineRequest(f.Rice, 3m)], OrdersApi.Home(), "Alipay"))).Body;
        Assert.Equal(2, order.Shipments.Count);
        var wineParcel = order.Shipments.Single(s => s.SellerId == f.WineSellerId).ShipmentId;
        var riceParcel = order.Shipments.Single(s => s.SellerId == f.RiceSellerId).ShipmentId;

        var unpaid = await f.WineSeller.Pack(f.CooperativeId, wineParcel);
        Assert.Equal(HttpStatusCode.Conflict, unpaid.Status);
        Assert.Contains("AnOrderShipsOnlyOncePaid", unpaid.Text, StringComparison.Ordinal);
        await new PaymentProvider(factory).NotifyAsync(order.OrderId, $"tx-{order.OrderId}", 12790);

        var packingList = (await f.WineSeller.SellerShipments(f.CooperativeId, "?status=ToPack")).Body;
        var task = Assert.Single(packingList.Items);
        Assert.Equal((wineParcel, 91.00m, "No. 3, East Lane"), (task.Shipment.ShipmentId, task.Shipment.Amount, task.Delivery.Detail));
        Assert.Equal([f.Wine], task.Lines.Select(l => l.ProductId));
        Assert.Equal(HttpStatusCode.NotFound, (await f.WineSeller.Pack(f.CooperativeId, riceParcel)).Status);
        Assert.Equal(HttpStatusCode.Conflict, (await f.RiceSeller.Ship(f.CooperativeId, riceParcel, new ShipRequest("SF Express", "SF100"))).Status);
        Assert.Equal(HttpStatusCode.BadRequest, (await f.WineSeller.Ship(f.CooperativeId, wineParcel, new ShipRequest("", null))).Status);
        foreach (var (seller, parcel, tracking) in new[] { (f.WineSeller, wineParcel, "SF200"), (f.RiceSeller, riceParcel, "YT300") })
        {
            Assert.Equal(HttpStatusCode.OK, (await seller.Pack(f.CooperativeId, parcel)).Status);
            var shipped = await seller.Ship(f.CooperativeId, parcel, new ShipRequest("SF Express", tracking));
            Assert.Equal(("Shipped", f.CentreId, tracking), (shipped.Body.Shipment.Status, shipped.Body.Shipment.LogisticsCentreId, shipped.Body.Shipment.TrackingNumber));
        }

        Assert.Equal(HttpStatusCode.Conflict, (await buyer.Cancel(order.OrderId)).Status);
        var incoming = (await f.Operator.CentreQueue(f.CentreId, "?status=Shipped")).Body;
        Assert.Equal(new[] { wineParcel, riceParcel }.Order(), incoming.Items.Select(i => i.Shipment.ShipmentId).Order());
        Assert.Equal(HttpStatusCode.Conflict, (await f.Operator.Deliver(f.CentreId, wineParcel)).Status);
        foreach (var parcel in new[] { wineParcel, riceParcel })
        {
            Assert.Equal(HttpStatusCode.OK, (await f.Operator.Receive(f.CentreId, parcel)).Status);
            Assert.Equal(HttpStatusCode.OK, (await f.Operator.Dispatch(f.CentreId, parcel)).Status);
            Assert.Equal(HttpStatusCode.OK, (await f.Operator.Deliver(f.CentreId, parcel)).Status);
            if (parcel == wineParcel)
            {
                Assert.Equal("Paid", (await buyer.Get(order.OrderId)).Body.Status);
            }
        }

        var delivered = (await buyer.Get(order.OrderId)).Body;
        Assert.Equal("Delivered", delivered.Status);
        Assert.All(delivered.Shipments, s => Assert.Equal("Delivered", s.Status));
        Assert.Equal(HttpStatusCode.NotFound, (await (await _kit.BuyerAsync()).ConfirmReceipt(order.OrderId)).Status);

        var completed = await buyer.ConfirmReceipt(order.OrderId);

        Assert.Equal(("Completed", HttpStatusCode.OK), (completed.Body.Status, completed.Status));
        Assert.Equal(["Placed", "Paid", "Delivered", "Completed"], completed.Body.History.Select(h => h.Status));
        Assert.Equal(HttpStatusCode.Conflict, (await buyer.ConfirmReceipt(order.OrderId)).Status);
        var notice = Assert.Single(await PublishedAsync<OrderCompletedIntegrationEvent>(order.OrderId));
        Assert.Equal("Shop", notice.Channel);
        Assert.Equal(12790, notice.TotalFen);
        Assert.Equal(
            new[] { (f.WineSellerId, 9100L), (f.RiceSellerId, 3690L) }.OrderBy(s => s.Item1),
            notice.Sellers.Select(s => (s.SellerId, s.AmountFen)).OrderBy(s => s.SellerId));
        Assert.Equal(2, (await PublishedAsync<ShipmentShippedIntegrationEvent>(order.OrderId)).Count);
        Assert.Equal(2, (await PublishedAsync<ShipmentDeliveredIntegrationEvent>(order.OrderId)).Count);

        // Income Tracking, through its own API: each seller's ledger holds the sale less the cooperative's 5 %.
        foreach (var (seller, sellerId, gross, commission, net) in new[] { (f.WineSeller, f.WineSellerId, 91.00m, 4.55m, 86.45m), (f.RiceSeller, f.RiceSellerId, 36.90m, 1.85m, 35.05m) })
        {
            var ledgerUrl = IncomeTrackingApiPaths.Url(IncomeTrackingApiPaths.Ledger, f.CooperativeId, sellerId);
            JsonElement ledger = default;
            await Eventually.HoldsAsync(async () =>
            {
                ledger = await seller.Http.GetFromJsonAsync<JsonElement>(ledgerUrl);
                return ledger.GetProperty("totalCount").GetInt32() == 1;
            }, "the seller's ledger has the sale");
            var entry = ledger.GetProperty("items")[0];
            Assert.Equal((gross, commission, net, "Shop", $"order:{order.OrderId}"),
                (entry.GetProperty("gross").GetDecimal(), entry.GetProperty("commission").GetDecimal(), entry.GetProperty("amount").GetDecimal(),
                    entry.GetProperty("source").GetString(), entry.GetProperty("reference").GetString()));
            var gains = await seller.Http.GetFromJsonAsync<JsonElement>(IncomeTrackingApiPaths.Url(IncomeTrackingApiPaths.Gains, f.CooperativeId, sellerId));
            Assert.Equal(net, gains.GetProperty("trend").EnumerateArray().Last().GetProperty("shop").GetDecimal());
        }

        // The cooperative's report ranks the products by what they earned their sellers.
        var month = RuralCommerce.IncomeTracking.Domain.Months.Month.Label(RuralCommerce.IncomeTracking.Domain.Months.Month.Of(DateTimeOffset.UtcNow));
        var impact = await f.Admin.Http.GetFromJsonAsync<JsonElement>(IncomeTrackingApiPaths.Url(IncomeTrackingApiPaths.Impact, f.CooperativeId) + $"?period={month}");
        Assert.Equal([86.45m, 35.05m], impact.GetProperty("topProducts").EnumerateArray().Select(p => p.GetProperty("sellerIncome").GetDecimal()));

        // Once the month has closed (the host's clock moved to the next month), its statements show the same net amounts.
        var thisMonth = RuralCommerce.IncomeTracking.Domain.Months.Month.Of(DateTimeOffset.UtcNow);
        factory.Clock.Offset = RuralCommerce.IncomeTracking.Domain.Months.Month.Start(thisMonth + 1) - DateTimeOffset.UtcNow + TimeSpan.FromHours(1);
        try
        {
            var statementsUrl = IncomeTrackingApiPaths.Url(IncomeTrackingApiPaths.StatementsOfMonth, f.CooperativeId, month);
            using var generated = await f.Admin.Http.PostAsync(new Uri(statementsUrl, UriKind.Relative), null);
            Assert.Equal(HttpStatusCode.OK, generated.StatusCode);
            var statements = await f.Admin.Http.GetFromJsonAsync<JsonElement>(statementsUrl);
            Assert.Equal(
                new[] { (f.WineSellerId, 91.00m, 4.55m, 86.45m), (f.RiceSellerId, 36.90m, 1.85m, 35.05m) }.OrderBy(s => s.Item1),
                statements.GetProperty("items").EnumerateArray()
                    .Select(s => (s.GetProperty("sellerId").GetGuid(), s.GetProperty("shopGross").GetDecimal(), s.GetProperty("commission").GetDecimal(),
                        s.GetProperty("netPayable").GetDecimal()))
                    .OrderBy(s => s.Item1));
        }
        finally
        {
            factory.Clock.Offset = TimeSpan.Zero;
        }
    }

    [Fact]
    public async Task Only_the_centres_own_operators_work_its_queue_and_another_centres_parcel_is_not_found_there()
    {
        var f = await FulfilmentAsync();
        var buyer = await _kit.BuyerAsync();
        var order = (await buyer.Place(OrdersApi.Buy(f.Wine, 1m, "CashOnDelivery"))).Body;
        var parcel = order.Shipments.Single().ShipmentId;
        await f.WineSeller.Pack(f.CooperativeId, parcel);
        await f.WineSeller.Ship(f.CooperativeId, parcel, new ShipRequest("EMS", "EMS1"));
        var elsewhere = (await _platform.RegisterCentre(new RegisterCentreRequest("Other Centre", $"Anhui {Guid.NewGuid():N}"[..20], "Jinzhai", "2 Road"))).Body;
        var (_, otherSession) = await factory.NewVerifiedPersonAsync("Sun Hao");
        await _platform.AppointOnceKnownAsync(elsewhere.CentreId, await factory.AccountIdAsync(otherSession));
        var otherOperator = new OrdersApi(factory.ClientFor(otherSession));

        Assert.Equal(HttpStatusCode.Forbidden, (await otherOperator.CentreQueue(f.CentreId)).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await otherOperator.Receive(f.CentreId, parcel)).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await otherOperator.Receive(elsewhere.CentreId, parcel)).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await buyer.RegisterCentre(new RegisterCentreRequest("Mine", "Hubei", "Xiaonan", "x"))).Status);
        Assert.Equal(HttpStatusCode.Conflict, (await _platform.RegisterCentre(new RegisterCentreRequest("Again", elsewhere.Province, "Jinzhai", "3 Road"))).Status);
        var nobody = await _platform.Appoint(elsewhere.CentreId, Guid.CreateVersion7());
        Assert.Equal(HttpStatusCode.NotFound, nobody.Status);
        Assert.Equal([await factory.AccountIdAsync(otherSession)], (await _platform.Centres()).Body.Single(c => c.CentreId == elsewhere.CentreId).OperatorAccountIds);
        Assert.Equal("Shipped", (await buyer.Get(order.OrderId)).Body.Shipments.Single().Status);
    }

    [Fact]
    public async Task Cash_on_delivery_is_paid_when_the_operator_records_the_cash_and_an_unconfirmed_order_completes_once_across_two_hosts()
    {
        var f = await FulfilmentAsync();
        var buyer = await _kit.BuyerAsync();
        var order = (await buyer.Place(OrdersApi.Buy(f.Wine, 2m, "CashOnDelivery"))).Body;
        var parcel = order.Shipments.Single().ShipmentId;
        Assert.Equal(HttpStatusCode.OK, (await f.WineSeller.Pack(f.CooperativeId, parcel)).Status);
        await f.WineSeller.Ship(f.CooperativeId, parcel, new ShipRequest("EMS", "EMS2"));
        await f.Operator.Receive(f.CentreId, parcel);
        await f.Operator.Dispatch(f.CentreId, parcel);

        Assert.Equal(HttpStatusCode.Conflict, (await f.Operator.Deliver(f.CentreId, parcel)).Status);
        Assert.Equal(HttpStatusCode.Conflict, (await f.Operator.Deliver(f.CentreId, parcel, 90m)).Status);
        Assert.Equal(HttpStatusCode.BadRequest, (await f.Operator.Deliver(f.CentreId, parcel, -1m)).Status);
        var delivered = await f.Operator.Deliver(f.CentreId, parcel, 91.00m);
        Assert.Equal((HttpStatusCode.OK, 91.00m), (delivered.Status, delivered.Body.Shipment.CashCollected));
        var paid = (await buyer.Get(order.OrderId)).Body;
        Assert.Equal(("Delivered", true), (paid.Status, paid.PaidAt is not null));
        Assert.Single(await PublishedAsync<OrderPaidIntegrationEvent>(order.OrderId));

        using var second = new SecondHost(factory, QuickCompletionFactory.QuickCompletion);
        var completed = await Task.WhenAll(
            factory.Services.GetRequiredService<OrderHousekeeping>().CompleteDeliveredAsync(default),
            second.Services.GetRequiredService<OrderHousekeeping>().CompleteDeliveredAsync(default));

        Assert.True(completed.Sum() >= 1);
        Assert.Equal("Completed", (await buyer.Get(order.OrderId)).Body.Status);
        var notice = Assert.Single(await PublishedAsync<OrderCompletedIntegrationEvent>(order.OrderId));
        Assert.Equal((f.WineSellerId, 9100L), (notice.Sellers.Single().SellerId, notice.Sellers.Single().AmountFen));
    }

    [Fact]
    public async Task A_refund_before_delivery_puts_the_bottles_back_on_sale_at_once_and_the_completion_credits_the_seller_net_of_it()
    {
        var f = await FulfilmentAsync();
        var buyer = await _kit.BuyerAsync();
        var order = (await buyer.Place(OrdersApi.Buy(f.Wine, 3m, "Alipay"))).Body;
        Assert.Equal(HttpStatusCode.Conflict, (await buyer.AskForRefund(order.OrderId, new AskForRefundRequest(f.CooperativeId, "Not paid yet"))).Status);
        await new PaymentProvider(factory).NotifyAsync(order.OrderId, $"tx-{order.OrderId}", 13650);

        Assert.Equal(HttpStatusCode.NotFound, (await (await _kit.BuyerAsync()).AskForRefund(order.OrderId, new AskForRefundRequest(f.CooperativeId, "x"))).Status);
        var tooMuch = await buyer.AskForRefund(order.OrderId, new AskForRefundRequest(f.CooperativeId, "Broken", [new RefundLineRequest(f.Wine, 4m)]));
        Assert.Contains("ARefundCoversAtMostWhatWasBought", tooMuch.Text, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, (await buyer.AskForRefund(order.OrderId, new AskForRefundRequest(Guid.NewGuid(), "x"))).Status);
        var asked = await buyer.AskForRefund(order.OrderId, new AskForRefundRequest(f.CooperativeId, "One bottle too many", [new RefundLineRequest(f.Wine, 1m)]));
        Assert.Equal((HttpStatusCode.Created, 45.50m, "Requested"), (asked.Status, asked.Body.Amount, asked.Body.Status));
        Assert.Equal(HttpStatusCode.Forbidden, (await f.WineSeller.ApproveRefund(f.CooperativeId, asked.Body.RequestId)).Status);
        Assert.Equal([asked.Body.RequestId], (await f.Admin.RefundRequests(f.CooperativeId, "?status=Requested")).Body.Items.Select(r => r.RequestId));

        var approved = await Task.WhenAll(f.Admin.ApproveRefund(f.CooperativeId, asked.Body.RequestId), f.Admin.ApproveRefund(f.CooperativeId, asked.Body.RequestId));

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Conflict], approved.Select(a => a.Status).Order());
        Assert.Equal((10_000L, 2_000L), await _kit.StockAsync(f.Wine));
        var refunded = Assert.Single(await PublishedAsync<OrderRefundedIntegrationEvent>(order.OrderId));
        Assert.Equal((false, 4550L, f.WineSellerId), (refunded.AfterCompletion, refunded.TotalFen, refunded.Sellers.Single().SellerId));
        await factory.Services.GetRequiredService<OrderHousekeeping>().SendRefundsAsync(default);
        Assert.NotNull((await buyer.Get(order.OrderId)).Body.Refunds.Single(r => r.Reason == "RefundRequestApproved").RefundedAt);

        await DeliverEverythingAsync(f, order.Shipments.Single().ShipmentId);
        await factory.Services.GetRequiredService<OrderHousekeeping>().CompleteDeliveredAsync(default);
        var completed = Assert.Single(await PublishedAsync<OrderCompletedIntegrationEvent>(order.OrderId));
        Assert.Equal((9100L, 9100L), (completed.TotalFen, completed.Sellers.Single().AmountFen));
    }

    [Fact]
    public async Task Delivered_goods_of_a_refund_go_back_on_sale_only_when_the_seller_records_their_return_and_an_open_request_holds_completion()
    {
        var f = await FulfilmentAsync();
        var buyer = await _kit.BuyerAsync();
        var order = (await buyer.Place(OrdersApi.Buy(f.Wine, 2m, "WeChatPay"))).Body;
        await new PaymentProvider(factory).NotifyAsync(order.OrderId, $"tx-{order.OrderId}", 9100);
        var parcel = order.Shipments.Single().ShipmentId;
        await DeliverEverythingAsync(f, parcel);
        var housekeeping = factory.Services.GetRequiredService<OrderHousekeeping>();

        var first = (await buyer.AskForRefund(order.OrderId, new AskForRefundRequest(f.CooperativeId, "Leaking"))).Body;
        await housekeeping.CompleteDeliveredAsync(default);
        Assert.Equal("Delivered", (await buyer.Get(order.OrderId)).Body.Status);
        Assert.Equal(HttpStatusCode.BadRequest, (await f.Admin.RejectRefund(f.CooperativeId, first.RequestId, null)).Status);
        Assert.Equal("Rejected", (await f.Admin.RejectRefund(f.CooperativeId, first.RequestId, "Send us a photo")).Body.Status);
        var second = (await buyer.AskForRefund(order.OrderId, new AskForRefundRequest(f.CooperativeId, "Leaking, photo attached"))).Body;
        Assert.Equal((91.00m, true), (second.Amount, second.Lines.Single().Delivered));
        Assert.Equal(HttpStatusCode.Conflict, (await f.WineSeller.RecordReturn(f.CooperativeId, second.RequestId, f.Wine)).Status);
        Assert.Equal(HttpStatusCode.OK, (await f.Admin.ApproveRefund(f.CooperativeId, second.RequestId)).Status);
        Assert.Equal((10_000L, 2_000L), await _kit.StockAsync(f.Wine));
        Assert.Equal(HttpStatusCode.Conflict, (await buyer.AskForRefund(order.OrderId, new AskForRefundRequest(f.CooperativeId, "Again"))).Status);

        Assert.Equal([second.RequestId], (await f.WineSeller.AwaitedReturns(f.CooperativeId)).Body.Select(r => r.RequestId));
        Assert.Empty((await f.RiceSeller.AwaitedReturns(f.CooperativeId)).Body);
        Assert.Equal(HttpStatusCode.NotFound, (await f.RiceSeller.RecordReturn(f.CooperativeId, second.RequestId, f.Wine)).Status);
        var returned = await f.WineSeller.RecordReturn(f.CooperativeId, second.RequestId, f.Wine);
        Assert.NotNull(returned.Body.Lines.Single().ReturnedAt);
        Assert.Equal((10_000L, 0L), await _kit.StockAsync(f.Wine));
        Assert.Equal(HttpStatusCode.Conflict, (await f.WineSeller.RecordReturn(f.CooperativeId, second.RequestId, f.Wine)).Status);
        Assert.Equal((10_000L, 0L), await _kit.StockAsync(f.Wine));
        Assert.Empty((await f.WineSeller.AwaitedReturns(f.CooperativeId)).Body);

        await housekeeping.CompleteDeliveredAsync(default);
        var completed = Assert.Single(await PublishedAsync<OrderCompletedIntegrationEvent>(order.OrderId));
        Assert.Equal(0L, completed.TotalFen);
    }

    /// <summary>The seller packs and ships the parcel; the centre receives, dispatches and delivers it (collecting cash when due).</summary>
    private static async Task DeliverEverythingAsync(Fulfilment f, Guid parcel)
    {
        Assert.Equal(HttpStatusCode.OK, (await f.WineSeller.Pack(f.CooperativeId, parcel)).Status);
        Assert.Equal(HttpStatusCode.OK, (await f.WineSeller.Ship(f.CooperativeId, parcel, new ShipRequest("SF Express", $"SF{parcel:N}"[..20]))).Status);
        Assert.Equal(HttpStatusCode.OK, (await f.Operator.Receive(f.CentreId, parcel)).Status);
        Assert.Equal(HttpStatusCode.OK, (await f.Operator.Dispatch(f.CentreId, parcel)).Status);
        Assert.Equal(HttpStatusCode.OK, (await f.Operator.Deliver(f.CentreId, parcel)).Status);
    }

    /// <summary>What Orders published about one order (its outbox rows).</summary>
    private async Task<List<TEvent>> PublishedAsync<TEvent>(Guid orderId)
        where TEvent : OrderIntegrationEvent
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OrdersDbContext>();
        var name = typeof(TEvent).FullName!;
        var payloads = await db.OutboxMessages.AsNoTracking().Where(m => m.Type.StartsWith(name + ",")).Select(m => m.Payload).ToListAsync();
        return payloads.Select(p => JsonSerializer.Deserialize<TEvent>(p, JsonSerializerOptions.Web)!).Where(e => e.OrderId == orderId).ToList();
    }
}
