using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using RuralCommerce.TestSupport;

namespace RuralCommerce.Cooperatives.Tests;

public sealed class SharesAndDuesApiTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task Shares_are_subscribed_transferred_and_bought_back_at_the_share_price()
    {
        var scenario = await CooperativeScenario.CreateAsync(factory);
        var (admin, cooperative) = (scenario.Admin, scenario.CooperativeId);
        var giver = (await scenario.AddMemberAsync("Giver")).MemberId;
        var taker = (await scenario.AddMemberAsync("Taker")).MemberId;

        var subscribed = (await admin.SubscribeShares(cooperative, giver, 10)).Body;
        var transferred = (await admin.TransferShares(cooperative, giver, taker, 4)).Body;
        var tooMany = await admin.TransferShares(cooperative, giver, taker, 7);
        var boughtBack = (await admin.BuyBackShares(cooperative, giver, 6)).Body;

        Assert.Equal(10 * CooperativeScenario.SharePrice, subscribed.Value);
        Assert.Equal(6, transferred.From.SharesHeld);
        Assert.Equal(4, transferred.To.SharesHeld);
        Assert.Equal("CannotGiveUpMoreSharesThanHeldRule", tooMany.BrokenRule);
        Assert.Equal(0, boughtBack.SharesHeld);
        Assert.Equal(-6 * CooperativeScenario.SharePrice, boughtBack.Value);
        Assert.Equal(4, (await admin.Overview(cooperative)).Body.SharesOutstanding);
    }

    [Fact]
    public async Task A_member_holding_shares_cannot_leave_until_they_are_bought_back()
    {
        var scenario = await CooperativeScenario.CreateAsync(factory);
        var (admin, cooperative) = (scenario.Admin, scenario.CooperativeId);
        var memberId = (await scenario.AddMemberAsync()).MemberId;
        await admin.SubscribeShares(cooperative, memberId, 2);

        var blocked = await admin.Leave(cooperative, memberId);
        await admin.BuyBackShares(cooperative, memberId, 2);
        var left = await admin.Leave(cooperative, memberId);

        Assert.Equal("MemberWithSharesCannotLeaveRule", blocked.BrokenRule);
        Assert.Equal("Left", left.Body.Status);
    }

    [Fact]
    public async Task Shares_only_move_within_one_cooperative()
    {
        var home = await CooperativeScenario.CreateAsync(factory);
        var away = await CooperativeScenario.CreateAsync(factory);
        var giver = (await home.AddMemberAsync()).MemberId;
        var stranger = (await away.AddMemberAsync()).MemberId;
        await home.Admin.SubscribeShares(home.CooperativeId, giver, 3);

        var response = await home.Admin.TransferShares(home.CooperativeId, giver, stranger, 1);

        Assert.Equal(HttpStatusCode.NotFound, response.Status);
        Assert.Equal(3, (await home.Admin.Overview(home.CooperativeId)).Body.SharesOutstanding);
    }

    [Fact]
    public async Task A_retried_subscription_with_the_same_idempotency_key_counts_once()
    {
        var scenario = await CooperativeScenario.CreateAsync(factory);
        var (admin, cooperative) = (scenario.Admin, scenario.CooperativeId);
        var memberId = (await scenario.AddMemberAsync()).MemberId;
        var key = Guid.NewGuid().ToString();

        var first = await admin.SubscribeShares(cooperative, memberId, 5, key);
        var retry = await admin.SubscribeShares(cooperative, memberId, 5, key);
        var burst = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => admin.SubscribeShares(cooperative, memberId, 5, key)));
        var misuse = await admin.SubscribeShares(cooperative, memberId, 6, key);

        Assert.Equal(HttpStatusCode.OK, first.Status);
        Assert.Equal(HttpStatusCode.OK, retry.Status);
        Assert.Equal("true", retry.Headers.GetValues("Idempotent-Replayed").Single());
        Assert.Equal(first.Text, retry.Text);
        Assert.All(burst, r => Assert.Equal(HttpStatusCode.OK, r.Status));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, misuse.Status);
        Assert.Equal(5, (await admin.GetMember(cooperative, memberId)).Body.Shares);
    }

    [Fact]
    public async Task A_key_cannot_be_replayed_past_by_spelling_the_path_differently()
    {
        var scenario = await CooperativeScenario.CreateAsync(factory);
        var (admin, cooperative) = (scenario.Admin, scenario.CooperativeId);
        var memberId = (await scenario.AddMemberAsync()).MemberId;
        var key = Guid.NewGuid().ToString();
        var upperCase = CooperativesApiPaths.Url(CooperativesApiPaths.MemberShares, cooperative.ToString().ToUpperInvariant(), memberId.ToString().ToUpperInvariant());

        var first = await admin.SubscribeShares(cooperative, memberId, 5, key);
        using var shouted = new HttpRequestMessage(HttpMethod.Post, new Uri(upperCase, UriKind.Relative)) { Content = JsonContent.Create(new { count = 5 }) };
        shouted.Headers.Add(ApiClient.IdempotencyKeyHeader, key);
        var retry = await admin.Http.SendAsync(shouted);

        Assert.Equal(HttpStatusCode.OK, first.Status);
        Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
        Assert.Equal("true", retry.Headers.GetValues("Idempotent-Replayed").Single());
        Assert.Equal(5, (await admin.GetMember(cooperative, memberId)).Body.Shares);
    }

    [Fact]
    public async Task One_key_on_two_resources_is_two_requests()
    {
        var scenario = await CooperativeScenario.CreateAsync(factory);
        var first = (await scenario.AddMemberAsync("First")).MemberId;
        var second = (await scenario.AddMemberAsync("Second")).MemberId;
        var key = Guid.NewGuid().ToString();

        var one = await scenario.Admin.SubscribeShares(scenario.CooperativeId, first, 2, key);
        var other = await scenario.Admin.SubscribeShares(scenario.CooperativeId, second, 2, key);

        Assert.Equal(HttpStatusCode.OK, one.Status);
        Assert.Equal(HttpStatusCode.OK, other.Status);
        Assert.False(other.Headers.Contains("Idempotent-Replayed"));
    }

    [Fact]
    public async Task A_failed_request_does_not_burn_its_idempotency_key()
    {
        var scenario = await CooperativeScenario.CreateAsync(factory);
        var (admin, cooperative) = (scenario.Admin, scenario.CooperativeId);
        var memberId = (await scenario.AddMemberAsync()).MemberId;
        var key = Guid.NewGuid().ToString();
        await admin.Suspend(cooperative, memberId);

        var refused = await admin.SubscribeShares(cooperative, memberId, 1, key);
        await admin.Reinstate(cooperative, memberId);
        var accepted = await admin.SubscribeShares(cooperative, memberId, 1, key);

        Assert.Equal(HttpStatusCode.Conflict, refused.Status);
        Assert.Equal(HttpStatusCode.OK, accepted.Status);
        Assert.False(accepted.Headers.Contains("Idempotent-Replayed"));
    }

    [Fact]
    public async Task Dues_are_charged_once_a_year_paid_once_and_listed_as_arrears()
    {
        var scenario = await CooperativeScenario.CreateAsync(factory);
        var (admin, cooperative) = (scenario.Admin, scenario.CooperativeId);
        var payer = (await scenario.AddMemberAsync("Payer")).MemberId;
        await scenario.AddMemberAsync("Debtor");

        var charged = (await admin.ChargeDues(cooperative, 2026, 50.5m)).Body;
        var again = (await admin.ChargeDues(cooperative, 2026, 50.5m)).Body;
        var paid = (await admin.PayDues(cooperative, payer, 2026)).Body;
        var paidAgain = (await admin.PayDues(cooperative, payer, 2026)).Body;
        var arrears = (await admin.Arrears(cooperative, "?year=2026")).Body;
        var overview = (await admin.Overview(cooperative)).Body;

        Assert.Equal(3, charged.Charged);
        Assert.Equal(0, again.Charged);
        Assert.Equal(3, again.AlreadyCharged);
        Assert.Equal(paid.PaidAt, paidAgain.PaidAt);
        Assert.Equal(2, arrears.Page.TotalCount);
        Assert.Equal(101.0m, arrears.TotalAmount);
        Assert.Equal(["Debtor", "Wang Fang"], arrears.Page.Items.Select(a => a.MemberName));
        Assert.Equal(2, overview.DuesInArrears);
        Assert.Equal(101.0m, overview.DuesArrearsAmount);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    [InlineData(12.345)]
    public async Task Dues_must_be_a_positive_amount_in_whole_fen(decimal amount)
    {
        var scenario = await CooperativeScenario.CreateAsync(factory);

        var response = await scenario.Admin.ChargeDues(scenario.CooperativeId, 2026, amount);

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal(0, (await scenario.Admin.Overview(scenario.CooperativeId)).Body.DuesInArrears);
    }

    [Fact]
    public async Task A_request_too_large_to_be_real_is_refused_whole_and_no_log_line_repeats_it()
    {
        var scenario = await CooperativeScenario.CreateAsync(factory);
        var junk = new string('x', 60 * 1024);
        var manyIds = Enumerable.Range(0, 40_000).Select(_ => Guid.NewGuid()).ToList();

        var dues = await scenario.Admin.ChargeDues(scenario.CooperativeId, 2026, 10m, manyIds);
        await scenario.Admin.AddMember(scenario.CooperativeId, TestData.Farmer(junk, junk, junk));
        (await factory.TrySignInAsync(junk, junk)).Dispose();

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, dues.Status);
        Assert.InRange(factory.Logs.Lines.Max(l => l.Message.Length), 1, 4096);
    }

    [Fact]
    public async Task The_overview_counts_members_by_status_and_role()
    {
        var scenario = await CooperativeScenario.CreateAsync(factory);
        await scenario.AddMemberAsync(roles: ["Seller"]);
        var suspended = (await scenario.AddMemberAsync(roles: ["Seller"])).MemberId;
        await scenario.Admin.Suspend(scenario.CooperativeId, suspended);

        var overview = (await scenario.Admin.Overview(scenario.CooperativeId)).Body;

        Assert.Equal(2, overview.MembersByStatus["Active"]);
        Assert.Equal(1, overview.MembersByStatus["Suspended"]);
        Assert.Equal(1, overview.ActiveMembersByRole["Seller"]);
        Assert.Equal(1, overview.ActiveMembersByRole["Admin"]);
    }
}
