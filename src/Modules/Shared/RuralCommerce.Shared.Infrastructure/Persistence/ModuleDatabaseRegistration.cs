using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using RuralCommerce.Shared.Infrastructure.Outbox;
using RuralCommerce.Shared.Infrastructure.Web;

namespace RuralCommerce.Shared.Infrastructure.Persistence;

public static class ModuleDatabaseRegistration
{
    /// <summary>
    /// Registers a module's DbContext for both providers (so <c>dotnet ef</c> finds both), resolves
    /// <typeparamref name="TContext"/> to the configured one, and adds the module's readiness checks.
    /// </summary>
    public static IServiceCollection AddModuleDatabase<TContext, TSqliteContext, TSqlServerContext>(
        this IServiceCollection services, string module, string schema, Action<WarningsConfigurationBuilder>? moduleWarnings = null)
        where TContext : ModuleDbContext
        where TSqliteContext : TContext
        where TSqlServerContext : TContext
    {
        void warnings(WarningsConfigurationBuilder builder)
        {
            ModuleDbContext.ConfigureWarnings(builder);
            moduleWarnings?.Invoke(builder);
        }

        var database = new ModuleDatabase(module, schema, typeof(TContext), typeof(TSqliteContext), typeof(TSqlServerContext));
        services.AddSingleton(database);
        services.TryAddSingleton<SqliteWriteGates>();

        // Pooled: a context and EF Core's services behind it are built once and reused, not per request and per
        // delivered message (that was most of what a livestream order allocated). ModuleDbContext resets its own state.
        services.AddDbContextPool<TSqliteContext>((provider, options) =>
        {
            var settings = provider.GetRequiredService<IOptions<DatabaseOptions>>().Value;
            options.UseSqlite(SqliteConnectionString(settings, database, ContentRoot(provider)));
            options.AddInterceptors(
                new SqliteBusyTimeoutInterceptor(settings.SqliteBusyTimeout),
                new SqliteWriteGateInterceptor(provider.GetRequiredService<SqliteWriteGates>().For(module, settings.SqliteBusyTimeout)),
                provider.GetRequiredService<OutboxCommitSignaler>());
            options.ConfigureWarnings(warnings);
            // SQLite rebuilds a changed table with foreign keys switched off around the migration's transaction (a
            // PRAGMA cannot run inside one); the rebuild itself commits or rolls back whole, so there is nothing to revert.
            options.ConfigureWarnings(w => w.Ignore(RelationalEventId.NonTransactionalMigrationOperationWarning));
        });

        services.AddDbContextPool<TSqlServerContext>((provider, options) =>
        {
            var settings = provider.GetRequiredService<IOptions<DatabaseOptions>>().Value;
            options.UseSqlServer(
                settings.SqlServerConnectionString,
                sql => sql.MigrationsHistoryTable(HistoryRepository.DefaultTableName, schema));
            options.AddInterceptors(provider.GetRequiredService<OutboxCommitSignaler>());
            options.ConfigureWarnings(warnings);
        });

        services.AddScoped<TContext>(provider =>
            provider.GetRequiredService<IOptions<DatabaseOptions>>().Value.Provider == DatabaseProvider.SqlServer
                ? provider.GetRequiredService<TSqlServerContext>()
                : provider.GetRequiredService<TSqliteContext>());

        var tags = new[] { HealthTags.Ready, HealthTags.Module(module) };
        services.AddHealthChecks()
            .Add(new HealthCheckRegistration($"{module}.database", p => new ModuleDatabaseHealthCheck(p, database), HealthStatus.Unhealthy, tags))
            .Add(new HealthCheckRegistration($"{module}.outbox", p => new OutboxHealthCheck(p, database), HealthStatus.Unhealthy, tags));
        return services;
    }

    /// <summary>Applies pending migrations of every module when configured to (default: SQLite yes, SQL Server no).</summary>
    public static async Task MigrateModuleDatabasesAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(services);
        var settings = services.GetRequiredService<IOptions<DatabaseOptions>>().Value;
        if (!settings.ShouldMigrateOnStartup)
        {
            return;
        }

        if (settings.Provider == DatabaseProvider.Sqlite)
        {
            Directory.CreateDirectory(settings.ResolveDataDirectory(ContentRoot(services)));
        }

        foreach (var database in services.GetServices<ModuleDatabase>())
        {
            await using var scope = services.CreateAsyncScope();
            var context = (DbContext)scope.ServiceProvider.GetRequiredService(database.ContextType);
            await context.Database.MigrateAsync(cancellationToken);
            if (settings.Provider == DatabaseProvider.Sqlite)
            {
                // Readers never block the single writer; the setting is stored in the file.
                await context.Database.ExecuteSqlRawAsync("PRAGMA journal_mode = WAL;", cancellationToken);
            }
        }
    }

    private static string SqliteConnectionString(DatabaseOptions settings, ModuleDatabase database, string contentRoot) =>
        new SqliteConnectionStringBuilder
        {
            DataSource = Path.Combine(settings.ResolveDataDirectory(contentRoot), database.SqliteFileName),
            Pooling = true,
            DefaultTimeout = (int)Math.Ceiling(settings.SqliteBusyTimeout.TotalSeconds),
        }.ToString();

    private static string ContentRoot(IServiceProvider provider) =>
        provider.GetService<IHostEnvironment>()?.ContentRootPath ?? Directory.GetCurrentDirectory();
}
