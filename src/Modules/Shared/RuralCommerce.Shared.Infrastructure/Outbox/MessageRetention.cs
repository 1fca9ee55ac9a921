using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RuralCommerce.Shared.Infrastructure.Persistence;

namespace RuralCommerce.Shared.Infrastructure.Outbox;

/// <summary>
/// Keeps the outbox, inbox and idempotency tables from growing forever. Only delivered messages, their inbox rows and
/// expired idempotency keys go; pending and parked messages are never touched.
/// </summary>
public sealed partial class MessageRetention(
    IServiceScopeFactory scopes, IEnumerable<ModuleDatabase> databases, IOptions<OutboxOptions> options, TimeProvider clock,
    ILogger<MessageRetention> logger) : BackgroundService
{
    /// <summary>Deletes what has outlived its retention in every module; returns how many rows went.</summary>
    public async Task<int> PurgeAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var now = clock.GetUtcNow();
        var deliveredBefore = now - settings.RetainDeliveredFor;
        var keysBefore = now - settings.IdempotencyKeyLifetime;
        var deleted = 0;
        foreach (var database in databases)
        {
            await using var scope = scopes.CreateAsyncScope();
            var context = (ModuleDbContext)scope.ServiceProvider.GetRequiredService(database.ContextType);
            deleted += await context.OutboxMessages.Where(m => m.ProcessedAt != null && m.ProcessedAt < deliveredBefore).ExecuteDeleteAsync(cancellationToken);
            deleted += await context.InboxMessages.Where(m => m.ProcessedAt < deliveredBefore).ExecuteDeleteAsync(cancellationToken);
            deleted += await context.IdempotentRequests.Where(r => r.CreatedAt < keysBefore).ExecuteDeleteAsync(cancellationToken);
        }

        return deleted;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.RetentionInterval, clock);
        do
        {
            try
            {
                LogPurged(await PurgeAsync(stoppingToken));
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
            {
                LogFailed(exception);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Retention removed {Rows} delivered message, inbox and idempotency rows")]
    private partial void LogPurged(int rows);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Retention round failed")]
    private partial void LogFailed(Exception exception);
}
