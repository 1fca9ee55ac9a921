using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RuralCommerce.Shared.Infrastructure.Inbox;
using RuralCommerce.Shared.Infrastructure.Persistence;
using RuralCommerce.SharedKernel;

namespace RuralCommerce.Shared.Infrastructure.Tests;

// Two small modules: "Farms" records harvests and publishes them; "Market" keeps a tally fed by those events.

public sealed record HarvestRecordedIntegrationEvent(Guid HarvestId, int Kilograms) : IntegrationEvent;

public sealed record HarvestRecorded(Guid HarvestId, int Kilograms) : IDomainEvent;

/// <summary>Step n of one plot's season: its steps must arrive in order (like a member's joined, then role granted).</summary>
public sealed record PlotStepIntegrationEvent(Guid PlotId, int Step) : IntegrationEvent
{
    public override string PartitionKey => $"plot:{PlotId}";
}

public sealed class Harvest : AggregateRoot
{
    private Harvest()
    {
    }

    public Guid Id { get; private set; }

    public int Kilograms { get; private set; }

    public static Harvest Record(Guid id, int kilograms)
    {
        var harvest = new Harvest { Id = id, Kilograms = kilograms };
        harvest.AddDomainEvent(new HarvestRecorded(id, kilograms));
        return harvest;
    }
}

public abstract class FarmsDbContext(DbContextOptions options) : ModuleDbContext(options)
{
    public override string Schema => "farms";

    public DbSet<Harvest> Harvests => Set<Harvest>();

    protected override IEnumerable<IntegrationEvent> ToIntegrationEvents(IDomainEvent domainEvent) => domainEvent switch
    {
        HarvestRecorded recorded => [new HarvestRecordedIntegrationEvent(recorded.HarvestId, recorded.Kilograms)],
        _ => [],
    };
}

public sealed class SqliteFarmsDbContext(DbContextOptions<SqliteFarmsDbContext> options) : FarmsDbContext(options);

public sealed class SqlServerFarmsDbContext(DbContextOptions<SqlServerFarmsDbContext> options) : FarmsDbContext(options);

public sealed class HarvestConfiguration : IEntityTypeConfiguration<Harvest>
{
    public void Configure(EntityTypeBuilder<Harvest> builder) => builder.HasKey(h => h.Id);
}

public sealed class Tally
{
    public Guid HarvestId { get; set; }

    public int Kilograms { get; set; }
}

public abstract class MarketDbContext(DbContextOptions options) : ModuleDbContext(options)
{
    public override string Schema => "market";

    public DbSet<Tally> Tallies => Set<Tally>();

    public DbSet<PlotProgress> Plots => Set<PlotProgress>();
}

public sealed class PlotProgress
{
    public Guid PlotId { get; set; }

    public int LastStep { get; set; }
}

public sealed class PlotProgressConfiguration : IEntityTypeConfiguration<PlotProgress>
{
    public void Configure(EntityTypeBuilder<PlotProgress> builder) => builder.HasKey(p => p.PlotId);
}

/// <summary>Refuses a step that does not follow the last one, as Access refuses a role for a member it has not seen join.</summary>
public sealed class PlotStepHandler(MarketDbContext context, TimeProvider clock, HandlerProbe probe)
    : IntegrationEventHandler<PlotStepIntegrationEvent, MarketDbContext>(context, clock)
{
    protected override async Task HandleAsync(PlotStepIntegrationEvent integrationEvent, CancellationToken cancellationToken)
    {
        if (probe.PoisonedPlotSteps.ContainsKey((integrationEvent.PlotId, integrationEvent.Step)))
        {
            throw new InvalidOperationException("This step cannot be handled (injected failure).");
        }

        var plot = await Context.Plots.FindAsync([integrationEvent.PlotId], cancellationToken);
        var last = plot?.LastStep ?? 0;
        if (integrationEvent.Step != last + 1)
        {
            throw new InvalidOperationException($"Step {integrationEvent.Step} of plot {integrationEvent.PlotId} arrived after step {last}.");
        }

        if (plot is null)
        {
            Context.Plots.Add(new PlotProgress { PlotId = integrationEvent.PlotId, LastStep = 1 });
        }
        else
        {
            plot.LastStep = integrationEvent.Step;
        }
    }
}

public sealed class SqliteMarketDbContext(DbContextOptions<SqliteMarketDbContext> options) : MarketDbContext(options);

public sealed class SqlServerMarketDbContext(DbContextOptions<SqlServerMarketDbContext> options) : MarketDbContext(options);

public sealed class TallyConfiguration : IEntityTypeConfiguration<Tally>
{
    public void Configure(EntityTypeBuilder<Tally> builder) => builder.HasKey(t => t.HarvestId);
}

/// <summary>What the handlers did, shared by every host of a test; failures can be switched on.</summary>
public sealed class HandlerProbe
{
    private int _failuresLeft;

    public ConcurrentDictionary<Guid, int> TallyExecutions { get; } = new();

    public ConcurrentDictionary<Guid, int> AuditExecutions { get; } = new();

    public ConcurrentQueue<Guid> DeliveryOrder { get; } = new();

    public bool AuditAlwaysFails { get; set; }

    public ConcurrentDictionary<(Guid PlotId, int Step), bool> PoisonedPlotSteps { get; } = new();

    /// <summary>When set, the tally handler signals <see cref="TallyEntered"/> and waits for the gate to open.</summary>
    public TaskCompletionSource? TallyGate { get; set; }

    public TaskCompletionSource TallyEntered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public void FailNextTallies(int count) => _failuresLeft = count;

    public void ThrowIfTallyShouldFail()
    {
        if (Interlocked.Decrement(ref _failuresLeft) >= 0)
        {
            throw new InvalidOperationException("The market is closed (injected failure).");
        }
    }
}

public sealed class TallyHarvestHandler(MarketDbContext context, TimeProvider clock, HandlerProbe probe)
    : IntegrationEventHandler<HarvestRecordedIntegrationEvent, MarketDbContext>(context, clock)
{
    protected override async Task HandleAsync(HarvestRecordedIntegrationEvent integrationEvent, CancellationToken cancellationToken)
    {
        probe.ThrowIfTallyShouldFail();
        if (probe.TallyGate is { } gate)
        {
            probe.TallyEntered.TrySetResult();
            await gate.Task.WaitAsync(cancellationToken);
        }

        probe.TallyExecutions.AddOrUpdate(integrationEvent.HarvestId, 1, (_, n) => n + 1);
        probe.DeliveryOrder.Enqueue(integrationEvent.HarvestId);
        await Task.Yield();
        Context.Tallies.Add(new Tally { HarvestId = integrationEvent.HarvestId, Kilograms = integrationEvent.Kilograms });
    }
}

public sealed class AuditHarvestHandler(MarketDbContext context, TimeProvider clock, HandlerProbe probe)
    : IntegrationEventHandler<HarvestRecordedIntegrationEvent, MarketDbContext>(context, clock)
{
    protected override Task HandleAsync(HarvestRecordedIntegrationEvent integrationEvent, CancellationToken cancellationToken)
    {
        if (probe.AuditAlwaysFails)
        {
            throw new InvalidOperationException("The auditor is away (injected failure).");
        }

        probe.AuditExecutions.AddOrUpdate(integrationEvent.HarvestId, 1, (_, n) => n + 1);
        return Task.CompletedTask;
    }
}
