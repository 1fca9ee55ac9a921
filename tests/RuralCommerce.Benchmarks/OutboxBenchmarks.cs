using BenchmarkDotNet.Attributes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RuralCommerce.Access;
using RuralCommerce.Access.Persistence;
using RuralCommerce.Cooperatives;
using RuralCommerce.Cooperatives.Persistence;
using RuralCommerce.Shared.Infrastructure.Inbox;
using RuralCommerce.Shared.Infrastructure.Outbox;
using RuralCommerce.SharedKernel;

namespace RuralCommerce.Benchmarks;

public sealed record BenchmarkOrderPlaced(Guid OrderId, long AmountFen) : IntegrationEvent;

/// <summary>A subscriber in another module that, like real ones, records its inbox row with its own change.</summary>
internal sealed class BenchmarkOrderPlacedHandler(AccessDbContext context, TimeProvider clock)
    : IntegrationEventHandler<BenchmarkOrderPlaced, AccessDbContext>(context, clock)
{
    protected override Task HandleAsync(BenchmarkOrderPlaced integrationEvent, CancellationToken cancellationToken) =>
        Task.CompletedTask;
}

/// <summary>
/// The outbox on the embedded SQLite default, through the real Cooperatives (publisher) and Access (subscriber)
/// module databases and migrations: what one committed notification costs, and how fast a livestream burst drains.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 10)]
public class OutboxBenchmarks
{
    private const int Burst = 200;
    private BenchmarkDatabases _databases = null!;
    private ServiceProvider _services = null!;
    private OutboxDispatcher _dispatcher = null!;

    [GlobalSetup]
    public void Setup()
    {
        _databases = new BenchmarkDatabases((services, configuration) =>
        {
            services.AddCooperativesModule(configuration).AddAccessModule(configuration);
            services.AddScoped<MediatR.INotificationHandler<BenchmarkOrderPlaced>, BenchmarkOrderPlacedHandler>();
        });
        _services = _databases.Services;
        _dispatcher = _services.GetRequiredService<OutboxDispatcher>();
    }

    [GlobalCleanup]
    public void Cleanup() => _databases.Dispose();

    /// <summary>One state change's notification, committed: the price every use case pays.</summary>
    [Benchmark]
    public async Task CommitOneEventToTheOutbox()
    {
        await using var scope = _services.CreateAsyncScope();
        var context = scope.ServiceProvider.GetRequiredService<CooperativesDbContext>();
        context.Publish(new BenchmarkOrderPlaced(Guid.CreateVersion7(), 1880));
        await context.SaveChangesAsync();
    }

    [IterationSetup(Target = nameof(DispatchABurstOf200Events))]
    public void CommitBurst()
    {
        using var scope = _services.CreateScope();
        var context = scope.ServiceProvider.GetRequiredService<CooperativesDbContext>();
        for (var i = 0; i < Burst; i++)
        {
            context.Publish(new BenchmarkOrderPlaced(Guid.CreateVersion7(), 1880));
        }

        context.SaveChanges();
    }

    /// <summary>Claim, deliver (handler + inbox row in the subscriber's database) and mark 200 events.</summary>
    [Benchmark]
    public async Task DispatchABurstOf200Events()
    {
        while (await _dispatcher.DispatchPendingAsync(CancellationToken.None) > 0)
        {
        }
    }

    [IterationCleanup(Target = nameof(DispatchABurstOf200Events))]
    public void CheckBurstDrained()
    {
        using var scope = _services.CreateScope();
        var outbox = scope.ServiceProvider.GetRequiredService<CooperativesDbContext>().OutboxMessages;
        if (outbox.Any(m => m.ProcessedAt == null))
        {
            throw new InvalidOperationException("The burst was not drained.");
        }
    }
}
