using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using RuralCommerce.TestSupport;

namespace RuralCommerce.Browser.Tests;

/// <summary>
/// The real host on Kestrel (a free port, SQLite files in a temp folder) with a first platform administrator, and
/// Debian's Chromium at a cheap phone's size (360 × 740) set to Chinese.
/// </summary>
public class BrowserHost : ApiFactory, IAsyncLifetime
{
    public const string AdminPhone = "+8613700000001";
    public const string AdminPassword = "Admin-of-the-platform-1";
    private const string Chromium = "/usr/bin/chromium";

    private IPlaywright? _playwright;

    public BrowserHost() => UseKestrel(0);

    public IBrowser Browser { get; private set; } = null!;

    public string Address { get; private set; } = "";

    /// <summary>Screenshots of the main pages, for people to look at (the test output folder).</summary>
    public static string ScreenshotFolder { get; } = Path.Combine(AppContext.BaseDirectory, "screenshots");

    protected override IReadOnlyDictionary<string, string> Settings => WithFirstAdministrator;

    private static readonly Dictionary<string, string> WithFirstAdministrator = new()
    {
        ["Access:BootstrapAdmin:Phone"] = AdminPhone,
        ["Access:BootstrapAdmin:Password"] = AdminPassword,
        ["Access:BootstrapAdmin:DisplayName"] = "平台管理员",
    };

    public virtual async Task InitializeAsync()
    {
        StartServer();
        Address = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        // The API flows of the tests (register, verify…) go to the same real server the browser uses.
        ClientOptions.BaseAddress = new Uri(Address);
        Directory.CreateDirectory(ScreenshotFolder);
        // CI runs every test assembly at once on two cores: a photo's upload and re-encoding can take longer than
        // Playwright's 5 s default there, which says nothing about the page.
        Assertions.SetDefaultExpectTimeout(20_000);
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ["--no-sandbox"],
        });
    }

    /// <summary>A fresh phone: its own cookies, 360 × 740, Chinese.</summary>
    public async Task<IPage> NewPhoneAsync(string locale = "zh-CN")
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = Address,
            Locale = locale,
            ViewportSize = new ViewportSize { Width = 360, Height = 740 },
            IsMobile = true,
        });
        return await context.NewPageAsync();
    }

    /// <summary>Signs in on the sign-in page as a person would, and waits for the home page.</summary>
    public async Task SignInAsync(IPage page, string phone, string password = AccessFlows.Password)
    {
        ArgumentNullException.ThrowIfNull(page);
        await page.GotoAsync("/signin");
        await page.GetByLabel("手机号").FillAsync(phone);
        await page.GetByLabel("密码").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/signin", StringComparison.Ordinal));
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await Browser.DisposeAsync();
        _playwright?.Dispose();
        await DisposeAsync();
    }
}

/// <summary>A host as a newcomer first starts it: no administrator yet, so the home page says how to become one.</summary>
public sealed class FreshInstallBrowserHost : BrowserHost
{
    protected override IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>();
}
