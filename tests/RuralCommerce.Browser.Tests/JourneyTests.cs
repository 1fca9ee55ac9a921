using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using RuralCommerce.TestSupport;

namespace RuralCommerce.Browser.Tests;

/// <summary>The account journeys on a 360 × 740 phone in Chinese, each page checked with axe and photographed.</summary>
public sealed class JourneyTests(BrowserHost host) : IClassFixture<BrowserHost>
{
    private const string NewPassword = "Rice-wine-2027-new";

    [Fact]
    public async Task A_farmer_registers_confirms_the_number_with_the_texted_code_and_signs_in()
    {
        var page = await host.NewPhoneAsync();
        var phone = AccessFlows.NewPhone();

        await page.GotoAsync("/");
        await CheckAsync(page, "home");
        await page.GotoAsync("/register");
        await CheckAsync(page, "register");
        await page.GetByLabel("手机号").FillAsync(phone);
        await page.GetByLabel("姓名").FillAsync("王芳");
        await page.GetByLabel("密码").FillAsync(AccessFlows.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "注册" }).ClickAsync();
        await page.WaitForURLAsync("**/register/verify?phone=*");
        await CheckAsync(page, "verify");
        await page.GetByLabel("短信验证码").FillAsync(host.Sms.LastCodeFor(phone));
        await page.GetByLabel("密码").FillAsync(AccessFlows.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "确认" }).ClickAsync();
        await page.WaitForURLAsync("**/signin?done=verified*");
        await CheckAsync(page, "signin");
        await page.GetByLabel("密码").FillAsync(AccessFlows.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/signin", StringComparison.Ordinal));
        await page.GotoAsync("/account");

        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("王芳");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("已验证");
        await CheckAsync(page, "account");
    }

    [Fact]
    public async Task A_wrong_code_shows_a_Chinese_message_next_to_the_field()
    {
        var page = await host.NewPhoneAsync();
        var phone = AccessFlows.NewPhone();
        await host.RegisterAsync(phone);

        await page.GotoAsync($"/register/verify?phone={Uri.EscapeDataString(phone)}");
        await page.GetByLabel("短信验证码").FillAsync(host.Sms.LastCodeFor(phone) == "000000" ? "111111" : "000000");
        await page.GetByLabel("密码").FillAsync(AccessFlows.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "确认" }).ClickAsync();

        await Assertions.Expect(page.Locator("#code-error")).ToContainTextAsync("验证码不正确");
        await Assertions.Expect(page.GetByLabel("短信验证码")).ToHaveAttributeAsync("aria-invalid", "true");
        await CheckAsync(page, "verify-wrong-code");
    }

    [Fact]
    public async Task A_farmer_signs_in_with_a_texted_code()
    {
        var page = await host.NewPhoneAsync();
        var (phone, _) = await host.NewVerifiedPersonAsync("李强");

        await page.GotoAsync("/signin/code");
        await page.GetByLabel("手机号").FillAsync(phone);
        await page.GetByRole(AriaRole.Button, new() { Name = "获取验证码" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("验证码已发送");
        await CheckAsync(page, "signin-code");
        await page.GetByLabel("短信验证码").FillAsync(host.Sms.LastCodeFor(phone));
        await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        await page.WaitForURLAsync("**/shop");
        await page.GotoAsync("/account");

        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("李强");
    }

    [Fact]
    public async Task A_number_never_confirmed_cannot_sign_in_with_a_code_and_is_told_why_in_Chinese()
    {
        var page = await host.NewPhoneAsync();
        var phone = AccessFlows.NewPhone();
        await host.RegisterAsync(phone);

        await page.GotoAsync("/signin/code");
        await page.GetByLabel("手机号").FillAsync(phone);
        await page.GetByRole(AriaRole.Button, new() { Name = "获取验证码" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("验证码已发送");
        await page.GetByLabel("短信验证码").FillAsync(host.Sms.LastCodeFor(phone));
        await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("注册还没有确认");
        await CheckAsync(page, "signin-code-unconfirmed");
    }

    [Fact]
    public async Task A_farmer_who_forgot_the_password_resets_it_with_a_texted_code()
    {
        var page = await host.NewPhoneAsync();
        var (phone, _) = await host.NewVerifiedPersonAsync("赵磊");

        await page.GotoAsync("/password-reset");
        await page.GetByLabel("手机号").FillAsync(phone);
        await page.GetByRole(AriaRole.Button, new() { Name = "获取验证码" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("验证码已发送");
        await page.GetByLabel("短信验证码").FillAsync(host.Sms.LastCodeFor(phone));
        await page.GetByLabel("新密码").FillAsync(NewPassword);
        await CheckAsync(page, "password-reset");
        await page.GetByRole(AriaRole.Button, new() { Name = "重设密码" }).ClickAsync();
        await page.WaitForURLAsync("**/signin?done=reset*");
        await page.GetByLabel("密码").FillAsync(NewPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/signin", StringComparison.Ordinal));

        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "我的账户" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task A_farmer_changes_the_password_and_stays_signed_in_on_this_phone()
    {
        var page = await host.NewPhoneAsync();
        var (phone, _) = await host.NewVerifiedPersonAsync();
        await host.SignInAsync(page, phone, AccessFlows.Password);

        await page.GotoAsync("/account/password");
        await page.GetByLabel("当前密码").FillAsync(AccessFlows.Password);
        await page.GetByLabel("新密码").FillAsync(NewPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "修改密码" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("密码已修改");
        await CheckAsync(page, "change-password");
        await page.GotoAsync("/account");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("我的账户");
    }

    [Fact]
    public async Task The_platform_administrator_replays_a_parked_message()
    {
        var page = await host.NewPhoneAsync();
        host.Probe.Broken = true;
        var deliveredBefore = host.Probe.Deliveries;
        await host.PublishAsync("Cooperatives", new ProbeIntegrationEvent("livestream order 42"));
        await host.SignInAsync(page, BrowserHost.AdminPhone, BrowserHost.AdminPassword);

        await Eventually.HoldsAsync(
            async () =>
            {
                await page.GotoAsync("/admin/outbox");
                return await page.GetByRole(AriaRole.Button, new() { Name = "重新发送" }).CountAsync() > 0;
            },
            "the failing message was parked");
        await CheckAsync(page, "parked-messages");
        host.Probe.Broken = false;
        await page.GetByRole(AriaRole.Button, new() { Name = "重新发送" }).First.ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("消息已重新排队发送");
        await Eventually.HoldsAsync(() => host.Probe.Deliveries > deliveredBefore, "the replayed message was delivered");
        await page.GotoAsync("/admin/administrators");
        await CheckAsync(page, "administrators");
    }

    [Fact]
    public async Task The_English_switch_turns_the_page_English()
    {
        var page = await host.NewPhoneAsync();

        await page.GotoAsync("/signin");
        await page.GetByRole(AriaRole.Link, new() { Name = "English" }).ClickAsync();

        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Sign in");
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await CheckAsync(page, "signin-en");
    }


    /// <summary>
    /// What a phone's reader would stumble on, as the page shows it: a chart label under 12 px, a phone number broken
    /// across lines, a figure split over more than two lines, "75 %" with a space, or "-¥0.00".
    /// </summary>
    private const string ReadsRightScript = """
        () => {
          const problems = [];
          for (const svg of document.querySelectorAll("figure.chart > svg")) {
            const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
            for (const text of svg.querySelectorAll("text")) {
              const px = parseFloat(text.getAttribute("font-size")) * scale;
              if (px < 11.9) problems.push(`chart label "${text.textContent}" is ${px.toFixed(1)} px`);
            }
          }
          for (const phone of document.querySelectorAll(".phone")) {
            if (phone.getClientRects().length > 1) problems.push(`phone ${phone.textContent} breaks across lines`);
          }
          for (const figure of document.querySelectorAll(".figures strong")) {
            const lineHeight = parseFloat(getComputedStyle(figure).fontSize) * 1.6;
            if (figure.getBoundingClientRect().height > 2 * lineHeight) problems.push(`figure "${figure.textContent.trim()}" takes more than two lines`);
          }
          const text = document.body.innerText;
          for (const m of text.matchAll(/\d[ \u00a0]%|-¥0\.00(?!\d)/g)) problems.push(`"${m[0]}" in the text`);
          return problems;
        }
        """;

    /// <summary>No axe violations, and a full-page screenshot for people to look at.</summary>
    internal static async Task CheckAsync(IPage page, string name)
    {
        // Nothing may be wider than the phone: a page that scrolls sideways hides half of every line.
        var width = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
        Assert.True(width <= page.ViewportSize!.Width, $"{name} is {width} px wide on a {page.ViewportSize.Width} px screen");
        var misread = await page.EvaluateAsync<string[]>(ReadsRightScript);
        Assert.True(misread.Length == 0, $"{name}: " + string.Join("; ", misread));
        var axe = await page.RunAxe();
        Assert.True(axe.Violations.Length == 0, $"{name}: " + string.Join("; ", axe.Violations.Select(v => $"{v.Id} ({v.Nodes.Length}): {v.Help} at {string.Join(", ", v.Nodes.Select(n => n.Target))}")));
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserHost.ScreenshotFolder, $"{name}.png"), FullPage = true });
    }
}
