using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using RuralCommerce.Cooperatives;
using RuralCommerce.TestSupport;
using Paths = RuralCommerce.Cooperatives.CooperativesApiPaths;

namespace RuralCommerce.Browser.Tests;

/// <summary>The cooperative's back office and a member's own pages, on a 360 × 740 phone in Chinese.</summary>
public sealed class CooperativeJourneyTests(BrowserHost host) : IClassFixture<BrowserHost>
{
    [Fact]
    public async Task An_administrator_adds_a_member_who_then_signs_in_and_sees_the_cooperative()
    {
        var (cooperativeId, adminPhone) = await CooperativeWithAdminAsync("香菇合作社");
        var admin = await host.NewPhoneAsync();
        await host.SignInAsync(admin, adminPhone);
        var farmerPhone = AccessFlows.NewPhone();

        await admin.GotoAsync($"/cooperatives/{cooperativeId}/members/new");
        await admin.GetByLabel("姓名").FillAsync("李强");
        await admin.GetByLabel("手机号").FillAsync(farmerPhone);
        await admin.GetByLabel("村", new() { Exact = true }).FillAsync("小寨村");
        await admin.GetByLabel("卖家").CheckAsync();
        await JourneyTests.CheckAsync(admin, "add-member");
        await admin.GetByRole(AriaRole.Button, new() { Name = "添加", Exact = true }).ClickAsync();
        await Assertions.Expect(admin.GetByRole(AriaRole.Status)).ToContainTextAsync("已添加 李强");

        await host.RegisterAsync(farmerPhone, name: "李强");
        await host.VerifyPhoneAsync(farmerPhone);
        await host.WaitForMembershipAsync(farmerPhone, cooperativeId);
        var farmer = await host.NewPhoneAsync();
        await host.SignInAsync(farmer, farmerPhone);
        await farmer.GotoAsync("/my/cooperatives");

        await Assertions.Expect(farmer.Locator("main")).ToContainTextAsync("香菇合作社");
        await Assertions.Expect(farmer.Locator("main")).ToContainTextAsync("卖家");
        await JourneyTests.CheckAsync(farmer, "my-cooperatives");
        await farmer.GetByRole(AriaRole.Link, new() { Name = "概况" }).ClickAsync();
        await Assertions.Expect(farmer.Locator("h1")).ToHaveTextAsync("概况");
    }

    [Fact]
    public async Task The_administrators_day_search_collect_dues_approve_transfer_export()
    {
        var (cooperativeId, adminPhone) = await CooperativeWithAdminAsync("米酒合作社");
        var api = await AdminApiAsync(adminPhone, cooperativeId);
        var giverPhone = "+86139" + Random.Shared.Next(10_000_000, 99_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var giver = await AddMemberAsync(api, cooperativeId, "张伟", giverPhone);
        var takerPhone = AccessFlows.NewPhone();
        await AddMemberAsync(api, cooperativeId, "刘洋", takerPhone);
        Assert.True((await api.PostAsJsonAsync(Url(Paths.MemberShares, cooperativeId, giver), new { count = 5 })).IsSuccessStatusCode);
        Assert.True((await api.PostAsJsonAsync(Url(Paths.DuesCharges, cooperativeId, 2026), new { amount = 30m })).IsSuccessStatusCode);
        var (_, applicantSession) = await host.NewVerifiedPersonAsync("陈杰");
        Assert.True((await host.ClientFor(applicantSession).PostAsJsonAsync(Url(Paths.Applications, cooperativeId), new { name = "陈杰", village = "大寨村" })).IsSuccessStatusCode);
        var page = await host.NewPhoneAsync();
        await host.SignInAsync(page, adminPhone);

        // The register, searched by the last four digits of a phone.
        await page.GotoAsync($"/cooperatives/{cooperativeId}/members");
        await page.GetByLabel("姓名或手机号后几位").FillAsync(giverPhone[^4..]);
        await page.GetByRole(AriaRole.Button, new() { Name = "查找" }).ClickAsync();
        await Assertions.Expect(page.Locator(".register li")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator(".register li")).ToContainTextAsync("张伟");
        await JourneyTests.CheckAsync(page, "member-register");
        await page.GetByRole(AriaRole.Link, new() { Name = "张伟" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("社员：张伟");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("¥30.00");
        await JourneyTests.CheckAsync(page, "member");

        // A dues payment recorded from the arrears list.
        await page.GotoAsync($"/cooperatives/{cooperativeId}/dues?year=2026");
        await JourneyTests.CheckAsync(page, "dues");
        await page.Locator("li", new() { HasText = "刘洋" }).GetByRole(AriaRole.Button, new() { Name = "登记缴费" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("已登记 刘洋 的缴费");
        await Assertions.Expect(page.Locator("li", new() { HasText = "刘洋" })).ToHaveCountAsync(0);

        // The application approved.
        await page.GotoAsync($"/cooperatives/{cooperativeId}/applications");
        await JourneyTests.CheckAsync(page, "applications");
        await page.Locator("li", new() { HasText = "陈杰" }).GetByRole(AriaRole.Button, new() { Name = "批准入社" }).ClickAsync();
        await Assertions.Expect(page.GetByText("没有待处理的申请")).ToBeVisibleAsync();

        // Shares transferred between two members known by their phone numbers.
        await page.GotoAsync($"/cooperatives/{cooperativeId}/shares");
        await page.GetByLabel("转出人手机号").FillAsync(giverPhone);
        await page.GetByLabel("转入人手机号").FillAsync(takerPhone);
        await page.GetByLabel("股数").FillAsync("2");
        await page.GetByRole(AriaRole.Button, new() { Name = "转让" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("已转让 2 股");
        await page.GetByLabel("股数").FillAsync("9");
        await page.GetByRole(AriaRole.Button, new() { Name = "转让" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("超过了持有股数");
        await JourneyTests.CheckAsync(page, "shares");

        // The register exported, its headers in Chinese.
        await page.GotoAsync($"/cooperatives/{cooperativeId}/members");
        // The link's file, fetched with the page's cookie (a headless download has no folder to land in).
        var exportLink = await page.GetByRole(AriaRole.Link, new() { Name = "导出名册（CSV）" }).GetAttributeAsync("href");
        var export = await page.Context.APIRequest.GetAsync(exportLink!);
        Assert.Equal(200, export.Status);
        var csv = await export.TextAsync();
        Assert.StartsWith("社员编号,姓名,手机号", csv.TrimStart('\uFEFF'), StringComparison.Ordinal);
        Assert.Contains("陈杰", csv, StringComparison.Ordinal);

        await page.GotoAsync($"/cooperatives/{cooperativeId}");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("¥");
        await JourneyTests.CheckAsync(page, "overview");
    }

    [Fact]
    public async Task A_member_of_one_cooperative_opening_anothers_pages_gets_the_403_page()
    {
        var (_, adminPhone) = await CooperativeWithAdminAsync("茶叶合作社");
        var (other, _) = await CooperativeWithAdminAsync("蜂蜜合作社");
        var page = await host.NewPhoneAsync();
        await host.SignInAsync(page, adminPhone);

        await page.GotoAsync($"/cooperatives/{other}/members");

        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("无权访问");
        await JourneyTests.CheckAsync(page, "forbidden");
    }

    [Fact]
    public async Task The_platform_administrator_registers_and_suspends_a_cooperative()
    {
        var page = await host.NewPhoneAsync();
        await host.SignInAsync(page, BrowserHost.AdminPhone, BrowserHost.AdminPassword);
        var (firstAdminPhone, _) = await host.NewVerifiedPersonAsync("王芳");

        await page.GotoAsync("/admin/cooperatives/new");
        await page.GetByLabel("合作社名称").FillAsync("苗寨香菇专业合作社");
        await page.GetByLabel("统一社会信用代码").FillAsync("93520100MA6DKXGJ0N");
        await page.GetByLabel("省").FillAsync("贵州");
        await page.GetByLabel("县", new() { Exact = true }).FillAsync("雷山县");
        await page.GetByLabel("乡镇").FillAsync("西江镇");
        await page.GetByLabel("村", new() { Exact = true }).First.FillAsync("控拜村");
        await page.GetByLabel("联系电话").FillAsync("+8613800138000");
        await page.GetByLabel("县级服务中心").FillAsync("雷山县电商服务中心");
        await page.GetByLabel("成立日期").FillAsync("2016-04-01");
        await page.GetByLabel("每股金额（元）").FillAsync("100");
        await page.GetByLabel("姓名").FillAsync("王芳");
        await page.GetByLabel("手机号").FillAsync(firstAdminPhone);
        await page.GetByLabel("村", new() { Exact = true }).Last.FillAsync("控拜村");
        await page.GetByRole(AriaRole.Button, new() { Name = "登记" }).ClickAsync();
        await Assertions.Expect(page.Locator("#credit-code-error")).ToContainTextAsync("统一社会信用代码有误");
        await JourneyTests.CheckAsync(page, "register-cooperative-errors");
        await page.GetByLabel("统一社会信用代码").FillAsync(CreditCode());
        await page.GetByRole(AriaRole.Button, new() { Name = "登记" }).ClickAsync();
        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex("/cooperatives/[0-9a-f-]{36}$"));

        await page.GotoAsync("/admin/cooperatives?name=苗寨");
        await JourneyTests.CheckAsync(page, "cooperatives");
        await page.Locator("li", new() { HasText = "苗寨香菇专业合作社" }).GetByRole(AriaRole.Button, new() { Name = "暂停" }).ClickAsync();
        await Assertions.Expect(page.Locator("li", new() { HasText = "苗寨香菇专业合作社" })).ToContainTextAsync("已暂停");

        // Dissolving is never one tap: the page says what will happen and asks for the name typed out.
        await page.Locator("li", new() { HasText = "苗寨香菇专业合作社" }).GetByRole(AriaRole.Link, new() { Name = "注销…" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-consequences]")).ToContainTextAsync("1 名在册社员");
        await page.GetByLabel("请输入合作社全称以确认").FillAsync("苗寨香菇合作社");
        await page.GetByRole(AriaRole.Button, new() { Name = "确认注销" }).ClickAsync();
        await Assertions.Expect(page.Locator("#confirm-name-error")).ToBeVisibleAsync();
        await JourneyTests.CheckAsync(page, "dissolve-cooperative");
        await page.GetByLabel("请输入合作社全称以确认").FillAsync("苗寨香菇专业合作社");
        await page.GetByRole(AriaRole.Button, new() { Name = "确认注销" }).ClickAsync();
        await Assertions.Expect(page.Locator("li", new() { HasText = "苗寨香菇专业合作社" })).ToContainTextAsync("已注销");
    }

    private async Task<(Guid CooperativeId, string AdminPhone)> CooperativeWithAdminAsync(string name)
    {
        var (phone, _) = await host.NewVerifiedPersonAsync("王芳");
        var response = await host.CreateAdminClient().PostAsJsonAsync(Url(Paths.Cooperatives), new
        {
            name,
            creditCode = CreditCode(),
            province = "贵州",
            county = "雷山县",
            township = "西江镇",
            village = "控拜村",
            contactPhone = "+8613800138000",
            serviceCentre = "雷山县电商服务中心",
            foundedOn = "2016-04-01",
            sharePrice = 100m,
            firstAdmin = new { name = "王芳", phone, village = "控拜村" },
        });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        var cooperativeId = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("cooperativeId").GetGuid();
        await host.WaitForMembershipAsync(phone, cooperativeId);
        return (cooperativeId, phone);
    }

    private async Task<HttpClient> AdminApiAsync(string phone, Guid cooperativeId) =>
        host.ClientFor((await host.WaitForMembershipAsync(phone, cooperativeId)).Session);

    private static async Task<Guid> AddMemberAsync(HttpClient api, Guid cooperativeId, string name, string phone)
    {
        var response = await api.PostAsJsonAsync(Url(Paths.Members, cooperativeId), new { name, phone, village = "控拜村" });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("memberId").GetGuid();
    }

    private static Uri Url(string route, params object[] values) => new(Paths.Url(route, values), UriKind.Relative);

    private static string CreditCode()
    {
        const string alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
        var first17 = "93520100" + new string(Enumerable.Range(0, 9).Select(_ => alphabet[Random.Shared.Next(alphabet.Length)]).ToArray());
        return first17 + RuralCommerce.Cooperatives.Domain.Cooperatives.UnifiedSocialCreditCode.CheckCharacter(first17);
    }

}
