using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using RuralCommerce.Shared.Infrastructure.Persistence;

namespace RuralCommerce.Shared.Infrastructure.Observability;

internal sealed record OutboxSample(string Module, long Pending, long Parked, TimeSpan OldestPendingAge);

/// <summary>
/// Reads every module's outbox for the gauges (pending, parked, age of the oldest pending), at most every few seconds
/// however often the metrics are scraped.
/// </summary>
internal sealed class OutboxMonitor(IServiceScopeFactory scopes, IEnumerable<ModuleDatabase> databases, TimeProvider clock) : IHostedService
{
    private static readonly TimeSpan Freshness = TimeSpan.FromSeconds(5);
    private readonly Lock _gate = new();
    private IReadOnlyList<OutboxSample> _last = [];
    private DateTimeOffset _takenAt = DateTimeOffset.MinValue;

    public IReadOnlyList<OutboxSample> Sample()
    {
        lock (_gate)
        {
            var now = clock.GetUtcNow();
            if (now - _takenAt < Freshness && now >= _takenAt)
            {
                return _last;
            }

            var samples = new List<OutboxSample>();
            foreach (var database in databases)
            {
                try
                {
                    using var scope = scopes.CreateScope();
                    var outbox = ((ModuleDbContext)scope.ServiceProvider.GetRequiredService(database.ContextType)).OutboxMessages.AsNoTracking();
                    var pending = outbox.Where(m => m.ProcessedAt == null && m.ParkedAt == null);
                    var oldest = pending.OrderBy(m => m.OccurredAt).Select(m => (DateTimeOffset?)m.OccurredAt).FirstOrDefault();
                    samples.Add(new OutboxSample(
                        database.Module,
                        pending.LongCount(),
                        outbox.LongCount(m => m.ParkedAt != null && m.ProcessedAt == null),
                        oldest is { } at && now > at ? now - at : TimeSpan.Zero));
                }
                catch (Exception exception) when (exception is InvalidOperationException or System.Data.Common.DbException)
                {
                    // A database not reachable now: no sample for it (the readiness check reports it).
                }
            }

            (_last, _takenAt) = (samples, now);
            return samples;
        }
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        Telemetry.ReportOutboxesOf(this);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        Telemetry.StopReporting(this);
        return Task.CompletedTask;
    }
}
