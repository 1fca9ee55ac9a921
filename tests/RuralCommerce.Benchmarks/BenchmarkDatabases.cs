using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using RuralCommerce.Shared.Infrastructure;
using RuralCommerce.Shared.Infrastructure.Persistence;

namespace RuralCommerce.Benchmarks;

/// <summary>Modules on real, migrated SQLite files in a fresh temp folder, without the web host, for BenchmarkDotNet.</summary>
internal sealed class BenchmarkDatabases : IDisposable
{
    private readonly string _data = Path.Combine(Path.GetTempPath(), "ruralcommerce-bench", Guid.NewGuid().ToString("N"));

    public BenchmarkDatabases(Action<IServiceCollection, IConfiguration> addModules)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Database:DataDirectory"] = _data })
            .Build();
        var services = new ServiceCollection().AddLogging().AddSharedInfrastructure(configuration);
        addModules(services, configuration);
        Services = services.BuildServiceProvider();
        Services.MigrateModuleDatabasesAsync().GetAwaiter().GetResult();
    }

    public ServiceProvider Services { get; }

    public void Dispose()
    {
        Services.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_data, recursive: true);
    }
}
