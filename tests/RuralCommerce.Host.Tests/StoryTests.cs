using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using RuralCommerce.Demo;
using RuralCommerce.Shared.Infrastructure.Security;
using RuralCommerce.TestSupport;
using Xunit;

namespace RuralCommerce.Host.Tests;

/// <summary>The host the story plays against: a first platform administrator, a known payment key, a one-month training window.</summary>
public sealed class StoryHost : ConfiguredHost, IAsyncLifetime, IStoryHost
{
    public const string AdministratorPhone = "+8614000000000";
    public const string Password = StoryPlay.Password;

    public StoryHost()
        : base(StoryPlay.Settings(AdministratorPhone, Password))
    {
    }

    public StoryOutcome Outcome { get; private set; } = null!;

    public DateTimeOffset Now => Clock.GetUtcNow();

    public (string Phone, string Password) PlatformAdministrator => (AdministratorPhone, Password);

    public async Task InitializeAsync() => Outcome = await StoryPlay.PlayAsync(this, Clock);

    Task IAsyncLifetime.DisposeAsync() => DisposeAsync().AsTask();

    HttpClient IStoryHost.CreateClient() => CreateClient();

    public string LastTextTo(string phone) => StoryPlay.LastTextTo(Sms, phone);

    public void SetClock(DateTimeOffset now) => StoryPlay.SetClock(Clock, now);

    public string SignPaymentNotice(byte[] body) => StoryPlay.SignPaymentNotice(body);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        // The story's tokens are issued by the host's clock while it runs months behind.
        builder.ConfigureTestServices(services => services.CheckTokenLifetimeAgainst(Clock));
    }
}

/// <summary>
/// The platform's story from nothing, through the public API only (RuralCommerce.Demo, the same script as <c>--demo</c>
/// at a small size): two cooperatives, a course and its certificates, months of shop orders and a livestream, all
/// shipped through the county centres and completed, then statements. The figures the platform reports are held
/// against what the story itself counted.
/// </summary>
public sealed class StoryTests(StoryHost host) : IClassFixture<StoryHost>
{
    private StoryOutcome Outcome => host.Outcome;

    [Fact]
    public async Task Every_completed_order_reached_the_cooperatives_order_lists_with_its_units_and_GMV()
    {
        var admin = host.CreateAdminClient();
        var completed = new List<JsonElement>();
        foreach (var cooperative in new[] { Outcome.GuizhouCooperativeId, Outcome.HubeiCooperativeId })
        {
            var page = await admin.GetFromJsonAsync<JsonElement>($"/api/orders/cooperatives/{cooperative}?Status=Completed&pageSize=100");
            completed.AddRange(page.GetProperty("items").EnumerateArray());
        }

        Assert.Equal(Outcome.CompletedOrders, completed.Count);
        Assert.Equal(Outcome.Gmv, completed.Sum(o => o.GetProperty("cooperativeTotal").GetDecimal()));
        Assert.Equal(Outcome.UnitsSold, completed.Sum(o => o.GetProperty("lines").EnumerateArray().Sum(l => l.GetProperty("quantity").GetDecimal())));
        Assert.Contains(completed, o => o.GetProperty("channel").GetString() == "Livestream");
        Assert.Contains(completed, o => o.GetProperty("channel").GetString() == "Imported");
        var parked = await admin.GetFromJsonAsync<JsonElement>("/api/operations/outbox/parked");
        Assert.Equal(0, parked.GetProperty("totalCount").GetInt32());
    }

    [Fact]
    public async Task Each_sellers_ledger_and_monthly_statements_hold_the_net_income_the_story_counted()
    {
        var admin = host.CreateAdminClient();
        foreach (var (seller, net) in Outcome.NetIncomeBySeller)
        {
            var ledger = await admin.GetFromJsonAsync<JsonElement>(
                $"/api/income-tracking/cooperatives/{Outcome.CooperativeOfSeller[seller]}/members/{seller}/ledger?pageSize=100");
            Assert.Equal(net, ledger.GetProperty("totalAmount").GetDecimal());
        }

        foreach (var month in Outcome.NetIncomeBySellerAndMonth.Keys.Select(k => k.Month).Distinct())
        {
            var statements = new List<JsonElement>();
            foreach (var cooperative in new[] { Outcome.GuizhouCooperativeId, Outcome.HubeiCooperativeId })
            {
                var page = await admin.GetFromJsonAsync<JsonElement>($"/api/income-tracking/cooperatives/{cooperative}/statements/{month}?pageSize=100");
                statements.AddRange(page.GetProperty("items").EnumerateArray());
            }

            foreach (var ((seller, _), net) in Outcome.NetIncomeBySellerAndMonth.Where(k => k.Key.Month == month))
            {
                var statement = statements.Single(s => s.GetProperty("sellerId").GetGuid() == seller);
                Assert.Equal(net, statement.GetProperty("netPayable").GetDecimal());
            }
        }
    }

    [Fact]
    public async Task The_impact_report_counts_the_sellers_above_baseline_and_shows_the_trained_earning_more()
    {
        var admin = host.CreateAdminClient();
        var period = Outcome.TrainingMonth[..4];
        var report = await admin.GetFromJsonAsync<JsonElement>($"/api/income-tracking/cooperatives/{Outcome.GuizhouCooperativeId}/impact?period={period}");

        // The story's sellers declared ¥1,200 a year (¥100 a month); a gain counts from 20 % over the compared months.
        var from = report.GetProperty("from").GetString()![..7];
        var to = report.GetProperty("to").GetString()![..7];
        var compared = report.GetProperty("comparedMonths").GetInt32();
        var thisMonth = DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM", CultureInfo.InvariantCulture);
        var guizhouSellers = Outcome.CooperativeOfSeller.Where(s => s.Value == Outcome.GuizhouCooperativeId).Select(s => s.Key).ToList();
        var aboveBaseline = guizhouSellers.Count(seller =>
            Outcome.NetIncomeBySellerAndMonth.Where(k => k.Key.Seller == seller && string.CompareOrdinal(k.Key.Month, from) >= 0
                                                        && string.CompareOrdinal(k.Key.Month, to) <= 0 && string.CompareOrdinal(k.Key.Month, thisMonth) < 0)
                .Sum(k => k.Value) >= 1.2m * 100m * compared);
        Assert.Equal(guizhouSellers.Count, report.GetProperty("sellersWithBaseline").GetInt32());
        Assert.Equal(aboveBaseline, report.GetProperty("sellersWithGain").GetInt32());

        var effect = Assert.Single(report.GetProperty("trainingEffect").EnumerateArray());
        Assert.Equal("玉米芯种香菇", effect.GetProperty("topic").GetString());
        Assert.Equal(Outcome.TrainedSellers.Count, effect.GetProperty("trained").GetInt32());
        Assert.True(effect.GetProperty("differenceInDifferences").GetDecimal() > 0, effect.ToString());

        // The table, month by month from what the story sold (a one-month window): the untrained are every other member.
        var course = DateOnly.ParseExact(Outcome.TrainingMonth + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture);
        var before = course.AddMonths(-1).ToString("yyyy-MM", CultureInfo.InvariantCulture);
        var after = course.AddMonths(1).ToString("yyyy-MM", CultureInfo.InvariantCulture);
        var untrained = StoryScale.Small.GuizhouMembers - Outcome.TrainedSellers.Count;
        decimal Income(Guid seller, string month) => Outcome.NetIncomeBySellerAndMonth.GetValueOrDefault((seller, month));
        decimal UntrainedTotal(string month) => guizhouSellers.Except(Outcome.TrainedSellers).Sum(s => Income(s, month));
        Assert.Equal(untrained, effect.GetProperty("untrained").GetInt32());
        AssertMoney(Outcome.TrainedSellers.Average(s => Income(s, before)), effect.GetProperty("trainedBeforeMean").GetDecimal());
        AssertMoney(Outcome.TrainedSellers.Average(s => Income(s, after)), effect.GetProperty("trainedAfterMean").GetDecimal());
        AssertMoney(UntrainedTotal(before) / untrained, effect.GetProperty("untrainedBeforeMean").GetDecimal());
        AssertMoney(UntrainedTotal(after) / untrained, effect.GetProperty("untrainedAfterMean").GetDecimal());
        Assert.Equal(StoryScale.Small.Finishers, Outcome.Certificates);
    }

    private static void AssertMoney(decimal expected, decimal actual) =>
        Assert.True(Math.Abs(expected - actual) <= 0.01m, $"expected ¥{expected:0.00##}, the report says ¥{actual}");

    [Fact]
    public async Task After_the_story_every_page_of_every_role_answers_200_for_that_role()
    {
        Assert.Equal(10, Outcome.Accounts.Count);
        foreach (var account in Outcome.Accounts)
        {
            using var browser = new PageBrowser(host);
            var signedIn = await browser.SignInAsync(account.Phone, account.Password);
            Assert.True(signedIn.StatusCode is HttpStatusCode.OK or HttpStatusCode.Redirect or HttpStatusCode.SeeOther, $"{account.Role}: {signedIn.StatusCode}");
            foreach (var page in account.Pages)
            {
                var response = await browser.GetAsync(page);
                Assert.True(response.StatusCode == HttpStatusCode.OK, $"{account.Role} {page}: {(int)response.StatusCode}");
            }
        }
    }
}

/// <summary><c>--demo</c> as a newcomer types it.</summary>
public sealed class DemoCommandTests
{
    /// <summary>The README's order works as written: a plain run makes <c>data/</c>, then <c>--demo</c> uses <c>demo-data/</c>.</summary>
    [Fact]
    public void The_demo_keeps_to_its_own_folder_unless_one_is_chosen()
    {
        using var root = new TempDirectory();
        File.WriteAllText(Path.Combine(root.Path, "appsettings.json"), """{ "Database": { "DataDirectory": "data" } }""");
        IConfigurationRoot Configuration(params string[] args) =>
            new ConfigurationBuilder().SetBasePath(root.Path).AddJsonFile("appsettings.json").AddCommandLine(args).Build();
        var shipped = Configuration();
        var chosen = Configuration("--Database:DataDirectory", "my-demo");

        RuralCommerce.Host.Demo.DemoMode.UseOwnDataFolderUnlessChosen(shipped);
        RuralCommerce.Host.Demo.DemoMode.UseOwnDataFolderUnlessChosen(chosen);

        Assert.Equal("demo-data", shipped["Database:DataDirectory"]);
        Assert.Equal("my-demo", chosen["Database:DataDirectory"]);
    }

    [Fact]
    public async Task The_demo_refuses_a_data_folder_that_already_holds_data_and_names_the_way_out()
    {
        using var data = new TempDirectory();
        await File.WriteAllTextAsync(Path.Combine(data.Path, "cooperatives.db"), "someone's data");

        var (exitCode, output) = await RealServers.RunHostAsync(
            "--demo", "--environment", "Development",
            "--urls", "http://127.0.0.1:0", "--Database:DataDirectory", data.Path);

        Assert.Equal(1, exitCode);
        Assert.Contains("already holds data", output, StringComparison.Ordinal);
        Assert.Contains("--demo --Database:DataDirectory", output, StringComparison.Ordinal);
        Assert.Equal("someone's data", await File.ReadAllTextAsync(Path.Combine(data.Path, "cooperatives.db")));
    }
}

/// <summary>The real <c>--demo</c> at full size, as the README tells a newcomer to run it; alone, as it takes a minute.</summary>
[Collection(nameof(RealServers))]
public sealed partial class FullDemoTests
{
    [Fact]
    public async Task The_demo_fills_a_fresh_folder_prints_every_roles_account_and_each_can_open_its_start_page()
    {
        using var data = new TempDirectory();
        var port = RealServers.FreePort();
        var lines = new System.Collections.Concurrent.ConcurrentQueue<string>();
        using var demo = RealServers.StartHost(
            lines, "--demo", "--environment", "Development", "--urls", $"http://127.0.0.1:{port}",
            "--Database:DataDirectory", Path.Combine(data.Path, "data"), "--Logging:LogLevel:Default", "Warning");
        try
        {
            await Eventually.HoldsAsync(
                () => lines.Any(l => l.StartsWith("Demo ready:", StringComparison.Ordinal)) || demo.HasExited,
                "the demo finishes filling", TimeSpan.FromMinutes(6));
            Assert.False(demo.HasExited, string.Join(Environment.NewLine, lines));

            var accounts = lines.Select(l => Account().Match(l)).Where(m => m.Success).ToList();
            Assert.Equal(10, accounts.Count);
            Assert.Contains(lines, l => l.Contains("orders completed", StringComparison.Ordinal));
            foreach (var account in accounts)
            {
                using var browser = new PageBrowser(new Uri($"http://127.0.0.1:{port}"));
                var signedIn = await browser.SignInAsync(account.Groups["phone"].Value, account.Groups["password"].Value);
                Assert.True(signedIn.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.SeeOther or HttpStatusCode.OK, account.Value);
                var page = await browser.GetAsync(new Uri(account.Groups["url"].Value).PathAndQuery);
                Assert.True(page.StatusCode == HttpStatusCode.OK, $"{account.Value}: {(int)page.StatusCode}");
            }
        }
        finally
        {
            demo.Kill(entireProcessTree: true);
            await demo.WaitForExitAsync();
        }
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"(?<phone>\+86140\d{8})\s+(?<password>Demo-\S+)\s+(?<url>http://\S+)")]
    private static partial System.Text.RegularExpressions.Regex Account();
}
