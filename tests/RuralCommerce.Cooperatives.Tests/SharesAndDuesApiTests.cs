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
        var giver = (await scenario.AddMemberAsync("Giver")).GetProperty("memberId").GetGuid();
        var taker = (await scenario.AddMemberAsync("Taker")).GetProperty("memberId").GetGuid();

        var subscribed = await Post(scenario, $"/members/{giver}/shares", new { count = 10 });
        var transferred = await Post(scenario, "/share-transfers", new { fromMemberId = giver, toMemberId = taker, count = 4 });
        var tooMany = await Post(scenario, "/share-transfers", new { fromMemberId = giver, toMemberId = taker, count = 7 });
        var boughtBack = await Post(scenario, $"/members/{giver}/share-buy-backs", new { count = 6 });

        Assert.Equal(10 * CooperativeScenario.SharePrice, subscribed.GetProperty("value").GetDecimal());
        Assert.Equal(6, transferred.GetProperty("from").GetProperty("sharesHeld").GetInt32());
        Assert.Equal(4, transferred.GetProperty("to").GetProperty("sharesHeld").GetInt32());
        Assert.Equal("CannotGiveUpMoreSharesThanHeldRule", tooMany.GetProperty("rule").GetString());
        Assert.Equal(0, boughtBack.GetProperty("sharesHeld").GetInt32());
        Assert.Equal(-6 * CooperativeScenario.SharePrice, boughtBack.GetProperty("value").GetDecimal());
        Assert.Equal(4, (await Overview(scenario)).GetProperty("sharesOutstanding").GetInt32());
    }

    [Fact]
    public async Task A_member_holding_shares_cannot_leave_until_they_are_bought_back()
    {
        var scenario = await CooperativeScenario.CreateAsync(factory);
        var memberId = (await scenario.AddMemberAsync()).GetProperty("memberId").GetGuid();
        await Post(scenario, $"/members/{memberId}/shares", new { count = 2 });

        var blocked = await Post(scenario, $"/members/{memberId}/leave", null);
        await Post(scenario, $"/members/{memberId}/share-buy-backs", new { count = 2 });
        var left = await Post(scenario, $"/members/{memberId}/leave", null);

        Assert.Equal("MemberWithSharesCannotLeaveRule", blocked.GetProperty("rule").GetString());
        Assert.Equal("Left", left.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Shares_only_move_within_one_cooperative()
    {
        var home = await CooperativeScenario.CreateAsync(factory);
        var away = await CooperativeScenario.CreateAsync(factory);
        var giver = (await home.AddMemberAsync()).GetProperty("memberId").GetGuid();
        var stranger = (await away.AddMemberAsync()).GetProperty("memberId").GetGuid();
        await Post(home, $"/members/{giver}/shares", new { count = 3 });

        var response = await home.Admin.PostAsJsonAsync(new Uri(home.Path("/share-transfers"), UriKind.Relative), new { fromMemberId = giver, toMemberId = stranger, count = 1 });

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(3, (await Overview(home)).GetProperty("sharesOutstanding").GetInt32());
    }

    [Fact]
    public async Task A_retried_subscription_with_the_same_idempotency_key_counts_once()
    {
        var scenario = await CooperativeScenario.CreateAsync(factory);
        var memberId = (await scenario.AddMemberAsync()).GetProperty("memberId").GetGuid();
        var key = Guid.NewGuid().ToString();

        var first = await Send(scenario, $"/members/{memberId}/shares", new { count = 5 }, key);
        var retry = await Send(scenario, $"/members/{memberId}/shares", new { count = 5 }, key);
        var burst = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Send(scenario, $"/members/{memberId}/shares", new { count = 5 }, key)));
        var misuse = await Send(scenario, $"/members/{memberId}/shares", new { count = 6 }, key);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
        Assert.Equal("true", retry.Headers.GetValues("Idempotent-Replayed").Single());
        Assert.Equal(await first.Content.ReadAsStringAsync(), await retry.Content.ReadAsStringAsync());
        Assert.All(burst, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, misuse.StatusCode);
        var member = await scenario.Admin.GetFromJsonAsync<JsonElement>(new Uri(scenario.Path($"/members/{memberId}"), UriKind.Relative));
        Assert.Equal(5, member.GetProperty("shares").GetInt32());
    }

    [Fact]
    public async Task A_key_cannot_be_replayed_past_by_spelling_the_path_differently()
    {
        var scenario = await CooperativeScenario.CreateAsync(factory);
        var memberId = (await scenario.AddMemberAsync()).GetProperty("memberId").GetGuid();
        var key = Guid.NewGuid().ToString();
        var upperCase = $"/api/cooperatives/{scenario.CooperativeId.ToString().ToUpperInvariant()}/members/{memberId.ToString().ToUpperInvariant()}/shares";

        var first = await Send(scenario, $"/members/{memberId}/shares", new { count = 5 }, key);
        using var shouted = new HttpRequestMessage(HttpMethod.Post, new Uri(upperCase, UriKind.Relative)) { Content = JsonContent.Create(new { count = 5 }) };
        shouted.Headers.Add("Idempotency-Key", key);
        var retry = await scenario.Admin.SendAsync(shouted);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
        Assert.Equal("true", retry.Headers.GetValues("Idempotent-Replayed").Single());
        var member = await scenario.Admin.GetFromJsonAsync<JsonElement>(new Uri(scenario.Path($"/members/{memberId}"), UriKind.Relative));
        Assert.Equal(5, member.GetProperty("shares").GetInt32());
    }

    [Fact]
    public async Task One_key_on_two_resources_is_two_requests()
    {
        var scenario = await CooperativeScenario.CreateAsync(factory);
        var first = (await scenario.AddMemberAsync("First")).GetProperty("memberId").GetGuid();
        var second = (await scenario.AddMemberAsync("Second")).GetProperty("memberId").GetGuid();
        var key = Guid.NewGuid().ToString();

        var one = await Send(scenario, $"/members/{first}/shares", new { count = 2 }, key);
        var other = await Send(scenario, $"/members/{second}/shares", new { count = 2 }, key);

        Assert.Equal(HttpStatusCode.OK, one.StatusCode);
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
        Assert.False(other.Headers.Contains("Idempotent-Replayed"));
    }

    [Fact]
    public async Task A_failed_request_does_not_burn_its_idempotency_key()
    {
        var scenario = await CooperativeScenario.CreateAsync(factory);
        var memberId = (await scenario.AddMemberAsync()).GetProperty("memberId").GetGuid();
        var key = Guid.NewGuid().ToString();
        await Post(scenario, $"/members/{memberId}/suspend", null);

        var refused = await Send(scenario, $"/members/{memberId}/shares", new { count = 1 }, key);
        await Post(scenario, $"/members/{memberId}/reinstate", null);
        var accepted = await Send(scenario, $"/members/{memberId}/shares", new { count = 1 }, key);

        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        Assert.False(accepted.Headers.Contains("Idempotent-Replayed"));
    }

    [Fact]
    public async Task Dues_are_charged_once_a_year_paid_once_and_listed_as_arrears()
    {
        var scenario = await CooperativeScenario.CreateAsync(factory);
        var payer = (await scenario.AddMemberAsync("Payer")).GetProperty("memberId").GetGuid();
        await scenario.AddMemberAsync("Debtor");

        var charged = await Post(scenario, "/dues/2026/charges", new { amount = 50.5m });
        var again = await Post(scenario, "/dues/2026/charges", new { amount = 50.5m });
        var paid = await Post(scenario, $"/members/{payer}/dues/2026/payment", null);
        var paidAgain = await Post(scenario, $"/members/{payer}/dues/2026/payment", null);
        var arrears = await scenario.Admin.GetFromJsonAsync<JsonElement>(new Uri(scenario.Path("/dues/arrears?year=2026"), UriKind.Relative));
        var overview = await Overview(scenario);

        Assert.Equal(3, charged.GetProperty("charged").GetInt32());
        Assert.Equal(0, again.GetProperty("charged").GetInt32());
        Assert.Equal(3, again.GetProperty("alreadyCharged").GetInt32());
        Assert.Equal(paid.GetProperty("paidAt").GetDateTimeOffset(), paidAgain.GetProperty("paidAt").GetDateTimeOffset());
        Assert.Equal(2, arrears.GetProperty("page").GetProperty("totalCount").GetInt32());
        Assert.Equal(101.0m, arrears.GetProperty("totalAmount").GetDecimal());
        Assert.Equal(["Debtor", "Wang Fang"], arrears.GetProperty("page").GetProperty("items").EnumerateArray().Select(a => a.GetProperty("memberName").GetString()));
        Assert.Equal(2, overview.GetProperty("duesInArrears").GetInt32());
        Assert.Equal(101.0m, overview.GetProperty("duesArrearsAmount").GetDecimal());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    [InlineData(12.345)]
    public async Task Dues_must_be_a_positive_amount_in_whole_fen(decimal amount)
    {
        var scenario = await CooperativeScenario.CreateAsync(factory);

        var response = await scenario.Admin.PostAsJsonAsync(new Uri(scenario.Path("/dues/2026/charges"), UriKind.Relative), new { amount });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(0, (await Overview(scenario)).GetProperty("duesInArrears").GetInt32());
    }

    [Fact]
    public async Task A_request_too_large_to_be_real_is_refused_whole_and_no_log_line_repeats_it()
    {
        var scenario = await CooperativeScenario.CreateAsync(factory);
        var junk = new string('x', 60 * 1024);
        var manyIds = Enumerable.Range(0, 40_000).Select(_ => Guid.NewGuid()).ToList();

        var dues = await scenario.Admin.PostAsJsonAsync(new Uri(scenario.Path("/dues/2026/charges"), UriKind.Relative), new { amount = 10m, memberIds = manyIds });
        await scenario.Admin.PostAsJsonAsync(new Uri(scenario.Path("/members"), UriKind.Relative), new { name = junk, phone = junk, village = junk });
        await factory.CreateClient().PostAsJsonAsync(new Uri("/api/access/sign-in", UriKind.Relative), new { phone = junk, password = junk });

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, dues.StatusCode);
        Assert.InRange(factory.Logs.Lines.Max(l => l.Message.Length), 1, 4096);
    }

    [Fact]
    public async Task The_overview_counts_members_by_status_and_role()
    {
        var scenario = await CooperativeScenario.CreateAsync(factory);
        await scenario.AddMemberAsync(roles: ["Seller"]);
        var suspended = (await scenario.AddMemberAsync(roles: ["Seller"])).GetProperty("memberId").GetGuid();
        await Post(scenario, $"/members/{suspended}/suspend", null);

        var overview = await Overview(scenario);

        Assert.Equal(2, overview.GetProperty("membersByStatus").GetProperty("Active").GetInt32());
        Assert.Equal(1, overview.GetProperty("membersByStatus").GetProperty("Suspended").GetInt32());
        Assert.Equal(1, overview.GetProperty("activeMembersByRole").GetProperty("Seller").GetInt32());
        Assert.Equal(1, overview.GetProperty("activeMembersByRole").GetProperty("Admin").GetInt32());
    }

    private static async Task<JsonElement> Post(CooperativeScenario scenario, string path, object? body)
    {
        var response = body is null
            ? await scenario.Admin.PostAsync(new Uri(scenario.Path(path), UriKind.Relative), null)
            : await scenario.Admin.PostAsJsonAsync(new Uri(scenario.Path(path), UriKind.Relative), body);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static async Task<HttpResponseMessage> Send(CooperativeScenario scenario, string path, object body, string key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(scenario.Path(path), UriKind.Relative)) { Content = JsonContent.Create(body) };
        request.Headers.Add("Idempotency-Key", key);
        return await scenario.Admin.SendAsync(request);
    }

    private static Task<JsonElement> Overview(CooperativeScenario scenario) =>
        scenario.Admin.GetFromJsonAsync<JsonElement>(new Uri(scenario.Path("/overview"), UriKind.Relative));
}
