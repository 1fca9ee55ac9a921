using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RuralCommerce.Cooperatives.Contracts;
using RuralCommerce.IncomeTracking;
using RuralCommerce.IncomeTracking.Features.CommissionRates;
using RuralCommerce.IncomeTracking.Features.Ledger;
using RuralCommerce.Orders;
using RuralCommerce.Orders.Contracts;
using RuralCommerce.Orders.Persistence;
using RuralCommerce.SharedKernel;

namespace RuralCommerce.IncomeTracking.Tests;

/// <summary>Completed orders credit each seller's ledger less the cooperative's commission, once, whatever redelivers them.</summary>
public sealed class OrderIncomeTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task A_completed_order_credits_each_seller_once_less_the_commission_in_force_that_day_and_a_late_refund_debits_it()
    {
        var cooperative = await CooperativeScenario.CreateAsync(factory, "Hubei", "Xiaogan Rice Wine Cooperative");
        var (phone, _) = await factory.NewVerifiedPersonAsync("Chen Jie");
        var seller = await cooperative.AddMemberAsync("Chen Jie", phone, "Zhuhu", [MemberRoles.Seller]);
        var (session, _) = await factory.WaitForMembershipAsync(phone, cooperative.CooperativeId);
        var today = ChinaTime.Today(DateTimeOffset.UtcNow);
        var admin = cooperative.Admin.Http;
        Assert.Equal(HttpStatusCode.OK, (await SetRateAsync(admin, cooperative.CooperativeId, today, 5m)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await SetRateAsync(admin, cooperative.CooperativeId, today.AddDays(3), 10m)).StatusCode);

        var orderId = Guid.CreateVersion7();
        var sale = new OrderCompletedIntegrationEvent(orderId, "Livestream", Guid.CreateVersion7(), null,
            [new SellerAmountDto(seller.MemberId, cooperative.CooperativeId, 9_100)], 9_100, DateTimeOffset.UtcNow);
        var published = new List<Guid>();
        published.Add(await factory.PublishAsync(OrdersModule.Name, sale));
        published.Add(await factory.PublishAsync(OrdersModule.Name, sale with { }));
        var later = new OrderCompletedIntegrationEvent(Guid.CreateVersion7(), "Shop", null, null,
            [new SellerAmountDto(seller.MemberId, cooperative.CooperativeId, 4_550)], 4_550, DateTimeOffset.UtcNow.AddDays(4));
        published.Add(await factory.PublishAsync(OrdersModule.Name, later));
        published.Add(await factory.PublishAsync(OrdersModule.Name, new OrderRefundedIntegrationEvent(orderId, Guid.CreateVersion7(), "Livestream", null,
            [new SellerAmountDto(seller.MemberId, cooperative.CooperativeId, 4_550)], 4_550, AfterCompletion: true, DateTimeOffset.UtcNow)));
        published.Add(await factory.PublishAsync(OrdersModule.Name, new OrderRefundedIntegrationEvent(Guid.CreateVersion7(), Guid.CreateVersion7(), "Shop", null,
            [new SellerAmountDto(seller.MemberId, cooperative.CooperativeId, 1_000)], 1_000, AfterCompletion: false, DateTimeOffset.UtcNow)));

        var own = factory.ClientFor(session);
        var ledger = await EventuallyAsync(own, cooperative.CooperativeId, seller.MemberId, entries: 3, published);
        // 91.00 less 5 % = 86.45; 45.50 less 10 % (the rate from three days on) = 40.95; the refund of 45.50 at the sale's 5 % = −43.22 (−45.50 + 2.28).
        Assert.Equal([(-43.22m, "Livestream"), (40.95m, "Shop"), (86.45m, "Livestream")],
            ledger.Items.OrderBy(i => i.Amount).Select(i => (i.Amount, i.Source)));
        Assert.Equal(84.18m, ledger.TotalAmount);
        Assert.Equal(4.55m, ledger.Items.Single(i => i.Source == "Shop").Commission);

        var onlyShop = (await own.GetFromJsonAsync<LedgerPage>(LedgerUrl(cooperative.CooperativeId, seller.MemberId) + "?source=Shop"))!;
        Assert.Equal(40.95m, onlyShop.TotalAmount);
        var byAdmin = await admin.GetAsync(new Uri(LedgerUrl(cooperative.CooperativeId, seller.MemberId), UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, byAdmin.StatusCode);
        var other = await own.GetAsync(new Uri(LedgerUrl(cooperative.CooperativeId, cooperative.AdminMemberId), UriKind.Relative));
        Assert.Equal(HttpStatusCode.Forbidden, other.StatusCode);
    }

    [Fact]
    public async Task The_same_completion_delivered_by_two_hosts_at_once_credits_the_seller_once()
    {
        var cooperative = await CooperativeScenario.CreateAsync(factory, "Hubei", "Xiaogan Two Hosts Cooperative");
        var seller = Guid.CreateVersion7();
        using var second = new SecondHost(factory);
        var sale = new OrderCompletedIntegrationEvent(Guid.CreateVersion7(), "Shop", null, null,
            [new SellerAmountDto(seller, cooperative.CooperativeId, 5_000)], 5_000, DateTimeOffset.UtcNow);

        // Two copies of one fact under two event ids, one published by each host: both dispatchers deliver at once.
        var published = await Task.WhenAll(factory.PublishAsync(OrdersModule.Name, sale), second.PublishAsync(OrdersModule.Name, sale with { }));

        await Eventually.HoldsAsync(async () =>
        {
            await using var scope = factory.Services.CreateAsyncScope();
            var orders = scope.ServiceProvider.GetRequiredService<OrdersDbContext>();
            return await orders.OutboxMessages.CountAsync(m => published.Contains(m.Id) && m.ProcessedAt != null) == 2;
        }, "both copies were delivered");
        await using var check = factory.Services.CreateAsyncScope();
        var income = check.ServiceProvider.GetRequiredService<RuralCommerce.IncomeTracking.Persistence.IncomeTrackingDbContext>();
        Assert.Equal(1, await income.LedgerEntries.CountAsync(e => e.SellerId == seller));
        Assert.Equal(5_000, (await income.MonthlyIncomes.SingleAsync(m => m.SellerId == seller)).IncomeFen);
    }

    [Fact]
    public async Task Commission_rates_take_effect_today_or_later_and_stay_within_bounds()
    {
        var cooperative = await CooperativeScenario.CreateAsync(factory, "Hubei", "Yunmeng Tea Cooperative");
        var today = ChinaTime.Today(DateTimeOffset.UtcNow);
        var admin = cooperative.Admin.Http;

        Assert.Equal(HttpStatusCode.Conflict, (await SetRateAsync(admin, cooperative.CooperativeId, today.AddDays(-1), 5m)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await SetRateAsync(admin, cooperative.CooperativeId, today, 60m)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await SetRateAsync(admin, cooperative.CooperativeId, today, 5.555m)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await SetRateAsync(admin, cooperative.CooperativeId, today, 3m)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await SetRateAsync(admin, cooperative.CooperativeId, today, 4.5m)).StatusCode);

        var rates = (await admin.GetFromJsonAsync<List<CommissionRateResponse>>(IncomeTrackingApiPaths.Url(IncomeTrackingApiPaths.CommissionRates, cooperative.CooperativeId)))!;
        Assert.Equal((today, 4.5m), (Assert.Single(rates).EffectiveFrom, rates[0].Percent));
    }

    [Fact]
    public async Task A_seller_records_an_offline_sale_and_corrects_a_mistake_by_a_reversal_never_by_editing()
    {
        var cooperative = await CooperativeScenario.CreateAsync(factory, "Guizhou", "Miao Village Mushroom Cooperative");
        var (phone, _) = await factory.NewVerifiedPersonAsync("Long Xiu");
        var seller = await cooperative.AddMemberAsync("Long Xiu", phone, "Miao", [MemberRoles.Seller]);
        var own = factory.ClientFor((await factory.WaitForMembershipAsync(phone, cooperative.CooperativeId)).Session);
        var url = new Uri(LedgerUrl(cooperative.CooperativeId, seller.MemberId), UriKind.Relative);
        var today = ChinaTime.Today(DateTimeOffset.UtcNow);

        using var market = await own.PostAsJsonAsync(url, new { source = "OfflineSale", amount = 120.50m, occurredOn = today.AddDays(-2), note = "香菇 5 斤，镇上集市" });
        using var wages = await own.PostAsJsonAsync(url, new { source = "Wages", amount = 800m, occurredOn = today });
        Assert.Equal(HttpStatusCode.Created, market.StatusCode);
        var wrong = (await wages.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("entryId").GetGuid();

        using var future = await own.PostAsJsonAsync(url, new { source = "OfflineSale", amount = 10m, occurredOn = today.AddDays(1) });
        using var zero = await own.PostAsJsonAsync(url, new { source = "OfflineSale", amount = 0m, occurredOn = today });
        using var shop = await own.PostAsJsonAsync(url, new { source = "Shop", amount = 10m, occurredOn = today });
        Assert.Equal((HttpStatusCode.Conflict, HttpStatusCode.BadRequest, HttpStatusCode.Conflict), (future.StatusCode, zero.StatusCode, shop.StatusCode));

        var reversalUrl = new Uri(IncomeTrackingApiPaths.Url(IncomeTrackingApiPaths.Reversal, cooperative.CooperativeId, seller.MemberId, wrong), UriKind.Relative);
        using var reversed = await own.PostAsJsonAsync(reversalUrl, new { note = "记错了，是 80 元" });
        using var twice = await own.PostAsJsonAsync(reversalUrl, new { note = "again" });
        Assert.Equal((HttpStatusCode.Created, HttpStatusCode.Conflict), (reversed.StatusCode, twice.StatusCode));
        var reversal = (await reversed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("entryId").GetGuid();
        using var ofReversal = await own.PostAsJsonAsync(
            new Uri(IncomeTrackingApiPaths.Url(IncomeTrackingApiPaths.Reversal, cooperative.CooperativeId, seller.MemberId, reversal), UriKind.Relative), new { });
        Assert.Equal(HttpStatusCode.Conflict, ofReversal.StatusCode);

        var ledger = (await own.GetFromJsonAsync<LedgerPage>(url.OriginalString))!;
        Assert.Equal((3, 120.50m), (ledger.TotalCount, ledger.TotalAmount));
        using var stranger = await cooperative.Admin.Http.PostAsJsonAsync(
            new Uri(LedgerUrl(cooperative.CooperativeId, seller.MemberId), UriKind.Relative), new { source = "Subsidy", amount = 300m, occurredOn = today });
        Assert.Equal(HttpStatusCode.Created, stranger.StatusCode);
    }

    private static string LedgerUrl(Guid cooperativeId, Guid memberId) => IncomeTrackingApiPaths.Url(IncomeTrackingApiPaths.Ledger, cooperativeId, memberId);

    private static Task<HttpResponseMessage> SetRateAsync(HttpClient admin, Guid cooperativeId, DateOnly from, decimal percent) =>
        admin.PutAsJsonAsync(
            new Uri(IncomeTrackingApiPaths.Url(IncomeTrackingApiPaths.CommissionRate, cooperativeId, from.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)), UriKind.Relative),
            new CommissionRateRequest(percent));

    /// <summary>The ledger once every published notification was delivered (so a duplicate credit would already be there).</summary>
    private async Task<LedgerPage> EventuallyAsync(HttpClient client, Guid cooperativeId, Guid memberId, int entries, IReadOnlyList<Guid> published)
    {
        await Eventually.HoldsAsync(async () =>
        {
            await using var scope = factory.Services.CreateAsyncScope();
            var orders = scope.ServiceProvider.GetRequiredService<OrdersDbContext>();
            return await orders.OutboxMessages.CountAsync(m => published.Contains(m.Id) && m.ProcessedAt != null) == published.Count;
        }, "every notification was delivered");
        var page = await client.GetFromJsonAsync<LedgerPage>(LedgerUrl(cooperativeId, memberId));
        Assert.Equal(entries, page!.TotalCount);
        return page;
    }
}
