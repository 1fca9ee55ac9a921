using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Endpoints;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using RuralCommerce.TestSupport;

namespace RuralCommerce.Host.Tests;

/// <summary>The web app over HTTP: language, sign-in redirects, antiforgery, the page-weight budget, the error pages.</summary>
public sealed partial class PageTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    [Theory]
    [InlineData("/")]
    [InlineData("/signin")]
    [InlineData("/register")]
    public async Task Public_pages_render_in_Chinese_by_default(string path)
    {
        using var browser = new PageBrowser(factory, acceptLanguage: null);

        using var response = await browser.GetAsync(path);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<html lang=\"zh-CN\">", html, StringComparison.Ordinal);
        Assert.Contains("登录", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_language_switch_turns_the_pages_English_and_back()
    {
        using var browser = new PageBrowser(factory);

        using var switched = await browser.GetAsync("/culture/en?returnUrl=%2Fsignin");
        var english = await browser.GetHtmlAsync("/signin");
        using var back = await browser.GetAsync("/culture/zh-CN?returnUrl=//evil.example");
        var chinese = await browser.GetHtmlAsync("/signin");

        Assert.Equal(HttpStatusCode.Redirect, switched.StatusCode);
        Assert.Equal("/signin", switched.Headers.Location?.OriginalString);
        Assert.Contains("<html lang=\"en\">", english, StringComparison.Ordinal);
        Assert.Contains("<h1>Sign in</h1>", english, StringComparison.Ordinal);
        Assert.Equal("/", back.Headers.Location?.OriginalString);
        Assert.Contains("<h1>登录</h1>", chinese, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_phone_set_to_English_gets_English_pages()
    {
        using var browser = new PageBrowser(factory, acceptLanguage: "en-US,en;q=0.9");

        Assert.Contains("<html lang=\"en\">", await browser.GetHtmlAsync("/"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_page_that_needs_a_role_sends_an_anonymous_visitor_to_sign_in_and_back()
    {
        var pages = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<ComponentTypeMetadata>() is not null)
            .ToList();
        var privatePages = pages.Where(e => e.Metadata.GetMetadata<IAllowAnonymous>() is null).ToList();
        using var browser = new PageBrowser(factory);

        Assert.Contains(privatePages, p => p.RoutePattern.RawText == "/account");
        Assert.Contains(privatePages, p => p.RoutePattern.RawText == "/admin/outbox");
        foreach (var page in privatePages)
        {
            var path = "/" + string.Join('/', page.RoutePattern.PathSegments.Select(s => s.IsSimple && s.Parts[0].IsLiteral ? ((Microsoft.AspNetCore.Routing.Patterns.RoutePatternLiteralPart)s.Parts[0]).Content : Guid.Empty.ToString()));
            using var response = await browser.GetAsync(path);
            Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{path} answered {(int)response.StatusCode}.");
            Assert.Equal($"/signin?returnUrl={Uri.EscapeDataString(path)}", response.Headers.Location?.PathAndQuery);
        }
    }

    [Fact]
    public async Task A_form_posted_without_its_antiforgery_token_is_refused()
    {
        using var browser = new PageBrowser(factory);
        var (phone, _) = await factory.NewVerifiedPersonAsync();

        using var forged = await browser.PostFormAsync("/signin", new Dictionary<string, string>
        {
            ["_handler"] = "signin",
            ["Form.Phone"] = phone,
            ["Form.Password"] = AccessFlows.Password,
        });
        using var signOut = await browser.PostFormAsync("/signout", new Dictionary<string, string>());

        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, signOut.StatusCode);
        Assert.False(forged.Headers.Contains("Set-Cookie") && forged.Headers.GetValues("Set-Cookie").Any(c => c.StartsWith("rc.session", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task The_api_stays_bearer_only_even_for_a_signed_in_browser()
    {
        using var browser = new PageBrowser(factory);
        var (phone, _) = await factory.NewVerifiedPersonAsync();
        await SignInAsync(browser, phone);

        using var api = await browser.GetAsync("/api/access/me");
        using var page = await browser.GetAsync("/account");

        Assert.Equal(HttpStatusCode.Unauthorized, api.StatusCode);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
    }

    [Fact]
    public async Task A_page_script_calls_a_JSON_endpoint_with_the_cookie_only_together_with_the_antiforgery_token()
    {
        using var browser = new PageBrowser(factory);
        var (phone, _) = await factory.NewVerifiedPersonAsync("Sun Li");
        await SignInAsync(browser, phone);
        var token = WebUtility.HtmlDecode(MetaToken().Match(await browser.GetHtmlAsync("/account")).Groups[1].Value);

        using var withToken = await browser.GetAsync("/api/access/me", ("RequestVerificationToken", token));
        using var forged = await browser.GetAsync("/api/access/me", ("RequestVerificationToken", "forged"));
        using var notForScripts = await browser.GetAsync("/api/cooperatives", ("RequestVerificationToken", token));

        Assert.NotEmpty(token);
        Assert.Equal(HttpStatusCode.OK, withToken.StatusCode);
        Assert.Contains("Sun Li", await withToken.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, forged.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, notForScripts.StatusCode);
    }

    [Fact]
    public async Task Signing_in_on_a_page_returns_to_the_page_asked_for_and_only_on_this_site()
    {
        using var browser = new PageBrowser(factory);
        var (phone, _) = await factory.NewVerifiedPersonAsync("Chen Jie");

        using var local = await SignInAsync(browser, phone, "/account");
        using var away = await SignInAsync(new PageBrowser(factory), phone, "https://evil.example/");

        Assert.Equal("http://localhost/account", local.Headers.Location?.AbsoluteUri);
        Assert.Equal("http://localhost/", away.Headers.Location?.AbsoluteUri);
        Assert.Contains("Chen Jie", await browser.GetHtmlAsync("/account"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ending_the_session_elsewhere_ends_the_page_cookie_too()
    {
        using var browser = new PageBrowser(factory);
        var (phone, session) = await factory.NewVerifiedPersonAsync();
        await SignInAsync(browser, phone);
        using var before = await browser.GetAsync("/account");

        // The password changed on another phone: every session of the account ends, the cookie's with them.
        var other = factory.ClientFor(session);
        using var changed = await other.PostAsync(
            new Uri("/api/access/me/password", UriKind.Relative),
            new StringContent($$"""{"currentPassword":"{{AccessFlows.Password}}","newPassword":"Rice-wine-2027"}""", MediaTypeHeaderValue.Parse("application/json")));
        using var after = await browser.GetAsync("/account");

        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, changed.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
    }

    [Fact]
    public async Task Signing_out_ends_the_session_so_a_copied_cookie_is_worthless()
    {
        using var browser = new PageBrowser(factory);
        var (phone, _) = await factory.NewVerifiedPersonAsync();
        using var signedIn = await SignInAsync(browser, phone);
        var cookie = signedIn.Headers.GetValues("Set-Cookie").First(c => c.StartsWith("rc.session=", StringComparison.Ordinal)).Split(';')[0];

        using var signedOut = await browser.SubmitAsync("/account", "", new Dictionary<string, string>(), "/signout");
        using var thief = factory.CreateDefaultClient();
        thief.DefaultRequestHeaders.Add("Cookie", cookie);
        using var replayed = await thief.GetAsync(new Uri("/account", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, replayed.StatusCode);
    }

    [Fact]
    public async Task A_signed_in_person_without_the_role_gets_the_403_page_and_an_unknown_address_the_404_page()
    {
        using var browser = new PageBrowser(factory);
        var (phone, _) = await factory.NewVerifiedPersonAsync();
        await SignInAsync(browser, phone);

        using var forbidden = await browser.GetAsync("/admin/administrators");
        using var missing = await browser.GetAsync("/nowhere/at/all");

        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        Assert.Contains("<h1>无权访问</h1>", await forbidden.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Contains("<h1>页面不存在</h1>", await missing.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_use_case_a_page_runs_that_finds_nothing_renders_the_404_page_not_a_problem_document()
    {
        using var browser = new PageBrowser(factory);
        var (phone, _) = await factory.NewVerifiedPersonAsync();
        await SignInAsync(browser, phone);

        using var missing = await browser.GetAsync($"/cooperatives/{Guid.CreateVersion7()}/apply");

        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("text/html", missing.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<h1>页面不存在</h1>", await missing.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/signin")]
    [InlineData("/")]
    public async Task A_page_loads_within_100_KB_transferred(string path)
    {
        using var browser = new PageBrowser(factory);
        using var page = await browser.GetAsync(path);

        var (bytes, assets) = await PageWeight.MeasureAsync(factory, await page.Content.ReadAsByteArrayAsync());

        Assert.Contains(assets, a => a.EndsWith("blazor.web.js", StringComparison.Ordinal));
        Assert.Contains(assets, a => a.EndsWith(".css", StringComparison.Ordinal));
        Assert.True(bytes <= PageWeight.BudgetBytes, $"{path} transfers {bytes:N0} bytes (budget {PageWeight.BudgetBytes:N0}).");
    }

    private static async Task<HttpResponseMessage> SignInAsync(PageBrowser browser, string phone, string? returnUrl = null)
    {
        var response = await browser.SignInAsync(phone, returnUrl: returnUrl);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return response;
    }

    [GeneratedRegex("<meta name=\"rc-antiforgery\" content=\"([^\"]+)\"")]
    private static partial Regex MetaToken();
}
