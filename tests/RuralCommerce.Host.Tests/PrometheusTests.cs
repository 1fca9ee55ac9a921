using System.Globalization;
using System.Net;
using System.Text.Json;
using RuralCommerce.TestSupport;
using RuralCommerce.TestSupport.Catalog;
using RuralCommerce.TestSupport.Orders;
using Xunit;

namespace RuralCommerce.Host.Tests;

/// <summary>Debian's Prometheus with the shipped scrape configuration and alert rules (build/deploy/prometheus) against the host.</summary>
[Collection(nameof(RealServers))]
public sealed class PrometheusTests
{
    private const string Prometheus = "/usr/bin/prometheus";
    private const string Token = "scrape-token-for-prometheus";
    private static readonly string Shipped = Path.Combine(SolutionModules.RepositoryRoot, "build", "deploy", "prometheus");

    [Fact]
    public async Task The_shipped_alert_rules_pass_their_promtool_tests()
    {
        var (exitCode, output) = await RealServers.RunAsync("/usr/bin/promtool", "test", "rules", Path.Combine(Shipped, "ruralcommerce-alerts.test.yml"));

        Assert.True(exitCode == 0, output);
    }

    [Fact]
    public async Task Prometheus_scrapes_the_order_rate_and_the_outbox_lag_from_the_host()
    {
        using var folder = new TempDirectory();
        await using var host = new KestrelHost(new Dictionary<string, string> { ["Metrics:ScrapeToken"] = Token });
        var address = host.Start();
        var prometheus = await StartPrometheusAsync(folder.Path, address);
        try
        {
            var shop = await CatalogScenario.CreateAsync(host, "Hubei Rice Wine Cooperative");
            var seller = await shop.AddSellerAsync("Chen Jie", "Zhuhe");
            var wine = await shop.ListedProductAsync(seller, CatalogTestData.RiceWine(), stock: 10m);
            var buyer = new OrdersApi(host.ClientFor((await host.NewVerifiedPersonAsync("Zhao Lei")).Session));
            await Eventually.HoldsAsync(async () => (await buyer.Place(OrdersApi.Buy(wine.ProductId, 1m))).Succeeded, "Orders sells the wine");
            await Eventually.HoldsAsync(
                async () => await ValueAsync(prometheus.Api, "sum(ruralcommerce_orders_placed_total)") >= 1,
                "Prometheus has scraped the first order", TimeSpan.FromSeconds(60));

            for (var i = 0; i < 3; i++)
            {
                Assert.True((await buyer.Place(OrdersApi.Buy(wine.ProductId, 1m))).Succeeded);
            }

            Assert.Equal(HttpStatusCode.Conflict, (await buyer.Place(OrdersApi.Buy(wine.ProductId, 100m))).Status);

            await Eventually.HoldsAsync(
                async () => await ValueAsync(prometheus.Api, "sum(ruralcommerce_orders_placed_total)") >= 4
                            && await ValueAsync(prometheus.Api, "sum(increase(ruralcommerce_orders_placed_total[1m]))") > 0
                            && await ValueAsync(prometheus.Api, "sum(ruralcommerce_orders_rejected_total{reason=\"stock\"})") >= 1,
                "Prometheus sees the order rate and the order turned away for stock", TimeSpan.FromSeconds(60));
            await Eventually.HoldsAsync(
                async () => await ValueAsync(prometheus.Api, "count(ruralcommerce_outbox_oldest_pending_age_seconds)") == 6
                            && await ValueAsync(prometheus.Api, "count(ruralcommerce_outbox_pending)") == 6,
                "the outbox lag of every module's outbox is a series", TimeSpan.FromSeconds(60));
            Assert.Equal(1, await ValueAsync(prometheus.Api, "up{job=\"ruralcommerce\"}"));
            Assert.True(await ValueAsync(prometheus.Api, "sum(http_server_request_duration_seconds_count{http_route=~\"/api/orders/?\", http_request_method=\"POST\"})") >= 4);

            var rules = await prometheus.Api.GetStringAsync(new Uri("/api/v1/rules", UriKind.Relative));
            Assert.Contains("RuralCommerceMessageParked", rules, StringComparison.Ordinal);
            Assert.Contains("RuralCommerceOutboxLagging", rules, StringComparison.Ordinal);
            Assert.Contains("RuralCommerceNotReady", rules, StringComparison.Ordinal);
        }
        finally
        {
            RealServers.Stop(prometheus.Process);
            prometheus.Api.Dispose();
        }
    }

    private static async Task<(System.Diagnostics.Process Process, HttpClient Api)> StartPrometheusAsync(string folder, Uri host)
    {
        var token = Path.Combine(folder, "token");
        var rules = Path.Combine(folder, "rules.yml");
        await File.WriteAllTextAsync(token, Token);
        File.Copy(Path.Combine(Shipped, "ruralcommerce-alerts.yml"), rules);
        var config = (await File.ReadAllTextAsync(Path.Combine(Shipped, "prometheus.yml")))
            .Replace("scrape_interval: 15s", "scrape_interval: 1s", StringComparison.Ordinal)
            .Replace("evaluation_interval: 15s", "evaluation_interval: 1s", StringComparison.Ordinal)
            .Replace("/etc/prometheus/ruralcommerce-alerts.yml", rules, StringComparison.Ordinal)
            .Replace("/etc/prometheus/ruralcommerce-metrics-token", token, StringComparison.Ordinal)
            .Replace("127.0.0.1:5080", host.Authority, StringComparison.Ordinal);
        var configFile = Path.Combine(folder, "prometheus.yml");
        await File.WriteAllTextAsync(configFile, config);

        var port = RealServers.FreePort();
        var process = RealServers.Start(
            Prometheus, $"--config.file={configFile}", $"--storage.tsdb.path={Path.Combine(folder, "tsdb")}",
            $"--web.listen-address=127.0.0.1:{port}");
        var api = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        await RealServers.WaitUntilAnswersAsync(api, new Uri(api.BaseAddress, "/-/ready"), () => "Prometheus is up", TimeSpan.FromSeconds(30));
        return (process, api);
    }

    /// <summary>An instant query's single value; NaN when it has no result yet.</summary>
    private static async Task<double> ValueAsync(HttpClient prometheus, string query)
    {
        var answer = await prometheus.GetStringAsync(new Uri($"/api/v1/query?query={Uri.EscapeDataString(query)}", UriKind.Relative));
        using var document = JsonDocument.Parse(answer);
        var result = document.RootElement.GetProperty("data").GetProperty("result");
        return result.GetArrayLength() == 0
            ? double.NaN
            : double.Parse(result[0].GetProperty("value")[1].GetString()!, CultureInfo.InvariantCulture);
    }
}
