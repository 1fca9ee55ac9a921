using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using RuralCommerce.Shared.Infrastructure.Outbox;
using RuralCommerce.Shared.Infrastructure.Persistence;

namespace RuralCommerce.Shared.Infrastructure.Tests;

/// <summary>One "host process": its own service provider and dispatcher over SQLite files in a shared folder.</summary>
public sealed class TestHost : IAsyncDisposable
{
    private TestHost(ServiceProvider services) => Services = services;

    public ServiceProvider Services { get; }

    public OutboxDispatcher Dispatcher => Services.GetRequiredService<OutboxDispatcher>();

    public static async Task<TestHost> StartAsync(
        string dataDirectory, HandlerProbe probe, Dictionary<string, string?>? settings = null, bool runDispatcher = false)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Database:DataDirectory"] = dataDirectory,
                ["Outbox:MaxAttempts"] = "3",
                ["Outbox:RetryBaseDelay"] = "00:00:00.005",
                ["Outbox:IdlePollInterval"] = "00:00:00.200",
            })
            .AddInMemoryCollection(settings ?? [])
            .Build();
        var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton(probe)
            .AddSharedInfrastructure(configuration)
            .AddIntegrationEventHandlersFrom(typeof(TestHost).Assembly);
        services.AddModuleDatabase<FarmsDbContext, SqliteFarmsDbContext, SqlServerFarmsDbContext>("Farms", "farms");
        services.AddModuleDatabase<MarketDbContext, SqliteMarketDbContext, SqlServerMarketDbContext>("Market", "market");
        var host = new TestHost(services.BuildServiceProvider(validateScopes: true));
        await host.EnsureDatabasesAsync();
        if (runDispatcher)
        {
            await host.Dispatcher.StartAsync(CancellationToken.None);
        }

        return host;
    }

    public async Task<T> WithAsync<TContext, T>(Func<TContext, Task<T>> work)
        where TContext : ModuleDbContext
    {
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<TContext>());
    }

    public Task WithAsync<TContext>(Func<TContext, Task> work)
        where TContext : ModuleDbContext =>
        WithAsync<TContext, bool>(async context =>
        {
            await work(context);
            return true;
        });

    public Task RecordHarvestAsync(Guid id, int kilograms = 10) =>
        WithAsync<FarmsDbContext>(async farms =>
        {
            farms.Harvests.Add(Harvest.Record(id, kilograms));
            await farms.SaveChangesAsync();
        });

    public Task PublishPlotStepAsync(Guid plotId, int step) =>
        WithAsync<FarmsDbContext>(async farms =>
        {
            farms.Publish(new PlotStepIntegrationEvent(plotId, step));
            await farms.SaveChangesAsync();
        });

    public Task<List<OutboxMessage>> OutboxAsync() =>
        WithAsync<FarmsDbContext, List<OutboxMessage>>(farms => farms.OutboxMessages.AsNoTracking().ToListAsync());

    public async ValueTask DisposeAsync()
    {
        await Services.GetRequiredService<OutboxDispatcher>().StopAsync(CancellationToken.None);
        await Services.DisposeAsync();
    }

    private async Task EnsureDatabasesAsync()
    {
        Directory.CreateDirectory(Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<DatabaseOptions>>().Value.DataDirectory);
        foreach (var database in Services.GetServices<ModuleDatabase>())
        {
            await using var scope = Services.CreateAsyncScope();
            var context = (DbContext)scope.ServiceProvider.GetRequiredService(database.ContextType);
            await context.Database.EnsureCreatedAsync();
            await context.Database.ExecuteSqlRawAsync("PRAGMA journal_mode = WAL;");
        }
    }
}
