using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using RuralCommerce.Catalog.Domain.Members;
using RuralCommerce.Catalog.Domain.Products;
using RuralCommerce.Catalog.Persistence;
using RuralCommerce.Shared.Infrastructure.Persistence;
using RuralCommerce.SharedKernel;

namespace RuralCommerce.Benchmarks;

/// <summary>
/// Generates a shop of listed products (100,000 by default) in a fresh host and measures the shop search through HTTP:
/// <c>dotnet run -c Release --project tests/RuralCommerce.Benchmarks -- shop-search [products] [requests]</c>.
/// Prints p50 and p99 per query. Latency percentiles over many requests, which BenchmarkDotNet's mean does not give.
/// </summary>
internal static class ShopSearchLoad
{
    private static readonly (string Name, string Query)[] Queries =
    [
        ("first page, newest first", ""),
        ("text in name or description (香菇)", "?q=%E9%A6%99%E8%8F%87"),
        ("rare text, one match (scans every product)", "?q=099999"),
        ("category + price range, by price", "?category=RiceWine&minPrice=20&maxPrice=80&sort=PriceAscending"),
        ("one county, by name", "?county=County-7&sort=Name"),
        ("page 50 of newest", "?page=50"),
    ];

    private static readonly string[] Names = ["玉米芯香菇干", "鲜香菇", "孝感米酒", "高山绿茶", "土鸡蛋", "糯米", "苗绣挎包", "猕猴桃", "木耳", "菜籽油"];
    private static readonly ProductCategory[] Categories =
        [ProductCategory.DriedMushrooms, ProductCategory.FreshMushrooms, ProductCategory.RiceWine, ProductCategory.Tea, ProductCategory.MeatAndEggs,
         ProductCategory.GrainAndOil, ProductCategory.Handicraft, ProductCategory.Fruit, ProductCategory.DriedMushrooms, ProductCategory.GrainAndOil];

    public static async Task<int> RunAsync(string[] args)
    {
        var products = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 100_000;
        var requests = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 300;
        HostContentRoot.Point();
        using var factory = new QuietApiFactory();
        // A plain client: the tests' contract-checking handler would add its own time to every request.
        var shop = factory.CreateDefaultClient();
        var seeding = Stopwatch.StartNew();
        await SeedAsync(factory, products);
        Console.WriteLine($"Generated {products:N0} listed products in {seeding.Elapsed.TotalSeconds:0.0} s ({factory.DataDirectory}).");

        // What the host does at start-up and hourly; a shop does not reach 100,000 products between two rounds.
        await factory.Services.GetRequiredService<SqliteStatistics>().RefreshAsync(CancellationToken.None);

        Console.WriteLine($"{"query",-45} {"p50 ms",8} {"p99 ms",8} {"results",8}");
        foreach (var (name, query) in Queries)
        {
            var uri = new Uri("/api/catalog/shop/products" + query, UriKind.Relative);
            var body = "";
            for (var i = 0; i < 20; i++)
            {
                body = await shop.GetStringAsync(uri);
            }

            var timings = new List<double>(requests);
            for (var i = 0; i < requests; i++)
            {
                var started = Stopwatch.GetTimestamp();
                body = await shop.GetStringAsync(uri);
                timings.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }

            timings.Sort();
            var total = System.Text.Json.JsonDocument.Parse(body).RootElement.GetProperty("totalCount").GetInt32();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{name,-45} {Percentile(timings, 0.50),8:0.0} {Percentile(timings, 0.99),8:0.0} {total,8:N0}"));
        }

        return 0;
    }

    private static double Percentile(List<double> sorted, double p) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];

    /// <summary>40 cooperatives in 10 counties, 400 sellers, products listed over the past year (straight into Catalog's tables).</summary>
    private static async Task SeedAsync(QuietApiFactory factory, int count)
    {
        var clock = TimeProvider.System;
        var now = clock.GetUtcNow();
        var cooperatives = Enumerable.Range(0, 40)
            .Select(i => Cooperative.Registered(Guid.CreateVersion7(), $"合作社 {i:D2}", "Guizhou", $"County-{i % 10}", $"Village-{i}")).ToList();
        var sellers = Enumerable.Range(0, 400)
            .Select(i => Member.Joined(cooperatives[i % 40].Id, Guid.CreateVersion7(), $"Seller {i:D3}", $"Village-{i % 40}", ["Seller"])).ToList();
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CatalogDbContext>();
            db.Cooperatives.AddRange(cooperatives);
            db.Members.AddRange(sellers);
            await db.SaveChangesAsync();
        }

        const int batchSize = 2_000;
        for (var start = 0; start < count; start += batchSize)
        {
            await using var scope = factory.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<CatalogDbContext>();
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            for (var n = start; n < Math.Min(count, start + batchSize); n++)
            {
                var seller = sellers[n % sellers.Count];
                var cooperative = cooperatives[n % cooperatives.Count];
                var kind = n % Names.Length;
                var details = new ProductDetails(
                    $"{Names[kind]} {n:D6}", Categories[kind], $"产自{cooperative.Village}的{Names[kind]}，合作社社员自产。", SaleUnit.Bag,
                    new NetContent(500m, NetContentUnit.Gram), Money.Yuan(10m + (n % 190)), cooperative.County, cooperative.Village);
                var product = Product.Draft(new ProductId(Guid.CreateVersion7()), cooperative, seller, $"SKU-{n:D6}", details, now);
                product.List(cooperative, seller, now.AddMinutes(-(n % 525_600)));
                product.ClearDomainEvents();
                db.Products.Add(product);
            }

            await db.SaveChangesAsync();
        }
    }
}
