using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RuralCommerce.Catalog.Persistence;
using RuralCommerce.Shared.Infrastructure.Persistence;

namespace RuralCommerce.Catalog.Tests;

/// <summary>The shop's search plans depend on SQLite's statistics (README, Benchmarks): the host keeps them.</summary>
public sealed class PlannerStatisticsTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task Statistics_exist_for_the_products_table_once_a_round_has_run()
    {
        var scenario = await CatalogScenario.CreateAsync(factory);
        var seller = await scenario.AddSellerAsync();
        await scenario.ListedProductAsync(seller);

        await factory.Services.GetRequiredService<SqliteStatistics>().RefreshAsync(CancellationToken.None);

        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CatalogDbContext>();
        var analysed = await db.Database.SqlQueryRaw<string>("SELECT tbl AS Value FROM sqlite_stat1").ToListAsync();
        Assert.Contains("Products", analysed);
    }
}
