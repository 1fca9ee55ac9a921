using Microsoft.Playwright;

namespace RuralCommerce.Browser.Tests;

/// <summary>Whoever opens a fresh install on a phone is told how to become the first administrator, on a page that fits.</summary>
public sealed class FreshInstallTests(FreshInstallBrowserHost host) : IClassFixture<FreshInstallBrowserHost>
{
    [Fact]
    public async Task The_fresh_home_page_says_how_to_become_the_first_administrator_and_fits_the_phone()
    {
        var page = await host.NewPhoneAsync();

        await page.GotoAsync("/");

        await Assertions.Expect(page.Locator("#first-admin")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".notice pre")).ToContainTextAsync("Access__BootstrapAdmin__Phone");
        await JourneyTests.CheckAsync(page, "fresh-install-home");
    }
}
