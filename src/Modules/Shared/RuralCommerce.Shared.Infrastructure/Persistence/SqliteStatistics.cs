using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace RuralCommerce.Shared.Infrastructure.Persistence;

/// <summary>
/// Keeps SQLite's query-planner statistics current (<c>PRAGMA optimize</c>) in every module database, at start-up and
/// hourly. Without them SQLite guesses which index to use, and with 100,000 products the shop's text search took
/// 86 ms instead of 6 (README, Benchmarks). It re-analyses only tables that grew tenfold or were never analysed, so
/// most rounds do nothing. SQL Server keeps its own statistics.
/// </summary>
public sealed partial class SqliteStatistics(
    IServiceScopeFactory scopes, IEnumerable<ModuleDatabase> databases, IOptions<DatabaseOptions> options, TimeProvider clock,
    ILogger<SqliteStatistics> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromHours(1);

    public async Task RefreshAsync(CancellationToken cancellationToken)
    {
        if (options.Value.Provider != DatabaseProvider.Sqlite)
        {
            return;
        }

        foreach (var database in databases)
        {
            await using var scope = scopes.CreateAsyncScope();
            var context = (DbContext)scope.ServiceProvider.GetRequiredService(database.ContextType);
            // 0x10002: look at every table, including ones never analysed. A full analysis of the changed tables: a sampled
            // one (analysis_limit) misled the planner back to the slow plan.
            await context.Database.ExecuteSqlRawAsync("PRAGMA optimize=0x10002;", cancellationToken);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, clock);
        do
        {
            try
            {
                await RefreshAsync(stoppingToken);
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
            {
                LogFailed(exception);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refreshing SQLite statistics failed")]
    private partial void LogFailed(Exception exception);
}
