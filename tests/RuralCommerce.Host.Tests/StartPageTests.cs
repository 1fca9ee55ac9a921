using System.Net;
using System.Net.Http.Json;
using RuralCommerce.Orders.Features.LogisticsCentres;
using RuralCommerce.TestSupport;
using RuralCommerce.TestSupport.Orders;

namespace RuralCommerce.Host.Tests;

/// <summary>After signing in each role lands on its own work; a logistics operator is led to the centre's queue.</summary>
public sealed class StartPageTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task Signing_in_leads_to_the_start_page_and_a_buyer_lands_in_the_shop()
    {
        var (phone, _) = await factory.NewVerifiedPersonAsync("杨秀英");
        using var browser = new PageBrowser(factory);

        using var signedIn = await browser.SignInAsync(phone);
        using var start = await browser.GetAsync("/start");

        Assert.Equal("/start", signedIn.Headers.Location?.AbsolutePath);
        Assert.Equal("/shop", start.Headers.Location?.AbsolutePath);
    }

    [Fact]
    public async Task An_appointed_operator_is_led_to_the_queue_and_a_dismissed_one_no_longer()
    {
        var platform = new OrdersApi(factory.CreateAdminClient());
        var province = $"湖北 {Guid.NewGuid():N}"[..12];
        var centre = (await platform.RegisterCentre(new RegisterCentreRequest("孝昌县物流配送中心", province, "孝昌县", "花园镇车站路 1 号"))).Body;
        var (phone, session) = await factory.NewVerifiedPersonAsync("刘洋");
        var accountId = await factory.AccountIdAsync(session);
        Assert.Equal(HttpStatusCode.OK, (await platform.AppointOnceKnownAsync(centre.CentreId, accountId)).Status);
        var role = $"logistics-operator:{centre.CentreId}";
        await Eventually.HoldsAsync(async () => (await factory.MeAsync(await factory.SignInAsync(phone))).PlatformRoles.Contains(role), "Access learned of the appointment");
        using var browser = new PageBrowser(factory);
        await browser.SignInAsync(phone);

        using var start = await browser.GetAsync("/start");
        var header = await browser.GetHtmlAsync("/shop");
        Assert.Equal("/logistics", start.Headers.Location?.AbsolutePath);
        Assert.Contains("href=\"/logistics\"", header, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.OK, (await platform.Dismiss(centre.CentreId, accountId)).Status);
        await Eventually.HoldsAsync(async () => !(await factory.MeAsync(await factory.SignInAsync(phone))).PlatformRoles.Contains(role), "Access learned of the dismissal");
    }

    [Fact]
    public async Task Someone_with_several_roles_is_asked_where_to()
    {
        var (phone, session) = await factory.NewVerifiedPersonAsync("王建华");
        using var admin = factory.CreateAdminClient();
        var accountId = await factory.AccountIdAsync(session);
        var roles = new object[] { new { role = "trainer" }, new { role = "county-officer", province = "贵州省", county = "雷山县" } };
        foreach (var role in roles)
        {
            using var grant = await admin.PostAsJsonAsync(new Uri($"/api/access/accounts/{accountId}/platform-roles", UriKind.Relative), role);
            Assert.Equal(HttpStatusCode.NoContent, grant.StatusCode);
        }

        using var browser = new PageBrowser(factory);
        await browser.SignInAsync(phone);

        using var start = await browser.GetAsync("/start");
        var html = await start.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, start.StatusCode);
        Assert.Contains("去哪里", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/teach\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/counties/", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/shop\"", html, StringComparison.Ordinal);
    }
}
