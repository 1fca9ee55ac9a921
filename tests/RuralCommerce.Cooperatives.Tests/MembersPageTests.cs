using System.Net;
using RuralCommerce.TestSupport;

namespace RuralCommerce.Cooperatives.Tests;

/// <summary>The register page over HTTP: its weight with a full page of members, and its export in the reader's language.</summary>
public sealed class MembersPageTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task The_register_with_fifty_members_on_it_loads_within_100_KB()
    {
        var scenario = await CooperativeScenario.CreateAsync(factory);
        await Task.WhenAll(Enumerable.Range(0, 50).Select(i => scenario.AddMemberAsync($"社员{i:D2}", village: "小寨村", roles: i % 5 == 0 ? ["Seller"] : null)));
        using var browser = await SignedInAsync(scenario.AdminPhone);

        using var page = await browser.GetAsync($"/cooperatives/{scenario.CooperativeId}/members");
        var html = await page.Content.ReadAsByteArrayAsync();
        var (bytes, _) = await PageWeight.MeasureAsync(factory, html);

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal(50, System.Text.RegularExpressions.Regex.Count(System.Text.Encoding.UTF8.GetString(html), "/members/[0-9a-f-]{36}\""));
        Assert.True(bytes <= PageWeight.BudgetBytes, $"The register transfers {bytes:N0} bytes (budget {PageWeight.BudgetBytes:N0}).");
    }

    [Fact]
    public async Task The_export_link_writes_its_headers_in_the_readers_language()
    {
        var scenario = await CooperativeScenario.CreateAsync(factory);
        using var chinese = await SignedInAsync(scenario.AdminPhone);
        using var english = await SignedInAsync(scenario.AdminPhone, "en");

        var zh = await chinese.GetHtmlAsync($"/cooperatives/{scenario.CooperativeId}/members.csv");
        var en = await english.GetHtmlAsync($"/cooperatives/{scenario.CooperativeId}/members.csv");

        Assert.StartsWith("社员编号,姓名,手机号,村,身份证号,状态,角色,持股,入社日期", zh, StringComparison.Ordinal);
        Assert.StartsWith("MemberId,Name,Phone,Village,IdCardNumber,Status,Roles,Shares,JoinedOn", en, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_administrator_of_one_cooperative_gets_the_403_page_in_another()
    {
        var mine = await CooperativeScenario.CreateAsync(factory);
        var theirs = await CooperativeScenario.CreateAsync(factory);
        using var browser = await SignedInAsync(mine.AdminPhone);

        foreach (var path in new[] { "", "/members", "/members/new", "/applications", "/shares", "/dues", $"/members/{theirs.AdminMemberId}" })
        {
            using var response = await browser.GetAsync($"/cooperatives/{theirs.CooperativeId}{path}");
            Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{path} answered {(int)response.StatusCode}.");
        }

        using var own = await browser.GetAsync($"/cooperatives/{mine.CooperativeId}/members");
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
    }

    [Fact]
    public async Task A_member_sees_their_own_page_and_leaves_from_it_but_not_anothers()
    {
        var scenario = await CooperativeScenario.CreateAsync(factory);
        var (phone, _) = await factory.NewVerifiedPersonAsync("赵磊");
        var self = (await scenario.AddMemberAsync("赵磊", phone)).MemberId;
        await factory.WaitForMembershipAsync(phone, scenario.CooperativeId);
        using var browser = await SignedInAsync(phone);
        var ownPage = $"/cooperatives/{scenario.CooperativeId}/members/{self}";

        using var others = await browser.GetAsync($"/cooperatives/{scenario.CooperativeId}/members/{scenario.AdminMemberId}");
        using var left = await browser.SubmitAsync(ownPage, "leave-self", new Dictionary<string, string>());
        var html = await left.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.NotFound, others.StatusCode);
        Assert.Equal(HttpStatusCode.OK, left.StatusCode);
        Assert.Contains("已退社", html, StringComparison.Ordinal);
        Assert.DoesNotContain("暂停资格", html, StringComparison.Ordinal);
        Assert.Equal("Left", (await scenario.Admin.GetMember(scenario.CooperativeId, self)).Body.Status);
    }

    [Fact]
    public async Task A_farmer_applies_from_the_cooperatives_link_and_the_administrator_sees_the_application()
    {
        var scenario = await CooperativeScenario.CreateAsync(factory);
        var (phone, _) = await factory.NewVerifiedPersonAsync("陈杰");
        using var farmer = await SignedInAsync(phone);
        using var admin = await SignedInAsync(scenario.AdminPhone);

        using var applied = await farmer.SubmitAsync($"/cooperatives/{scenario.CooperativeId}/apply", "apply", new Dictionary<string, string>
        {
            ["Form.Name"] = "陈杰",
            ["Form.Village"] = "大寨村",
            ["Form.IdCardNumber"] = "",
        });
        using var again = await farmer.SubmitAsync($"/cooperatives/{scenario.CooperativeId}/apply", "apply", new Dictionary<string, string>
        {
            ["Form.Name"] = "陈杰",
            ["Form.Village"] = "大寨村",
            ["Form.IdCardNumber"] = "",
        });

        Assert.Contains("申请已提交", await applied.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("这个手机号已属于本社的在册社员或申请人", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("陈杰", await admin.GetHtmlAsync($"/cooperatives/{scenario.CooperativeId}/applications"), StringComparison.Ordinal);
        Assert.Contains("申请中", await farmer.GetHtmlAsync("/my/cooperatives"), StringComparison.Ordinal);
    }

    private async Task<PageBrowser> SignedInAsync(string phone, string language = "zh-CN")
    {
        var browser = new PageBrowser(factory, language);
        using var signedIn = await browser.SignInAsync(phone, returnUrl: "/");
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        return browser;
    }
}
