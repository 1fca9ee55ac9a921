using Microsoft.EntityFrameworkCore;
using RuralCommerce.TestSupport;

namespace RuralCommerce.Shared.Infrastructure.Tests;

/// <summary>Events of one partition (a member, a plot) arrive in order on any number of hosts; leases hand work on fast.</summary>
public sealed class PartitionOrderTests : IDisposable
{
    private readonly TempDirectory _data = new();

    public void Dispose() => _data.Dispose();

    [Fact]
    public async Task Two_hosts_deliver_every_step_of_a_thousand_plots_in_order_with_none_parked()
    {
        const int plots = 1000;
        const int steps = 3;
        var probe = new HandlerProbe();
        var settings = new Dictionary<string, string?> { ["Outbox:IdlePollInterval"] = "00:00:00.050", ["Outbox:BatchSize"] = "7" };
        await using var first = await TestHost.StartAsync(_data.Path, probe, settings, runDispatcher: true);
        await using var second = await TestHost.StartAsync(_data.Path, probe, settings, runDispatcher: true);
        var ids = Enumerable.Range(0, plots).Select(_ => Guid.CreateVersion7()).ToList();

        // Both hosts write while both dispatch; a plot's steps come from either host, in order.
        for (var step = 1; step <= steps; step++)
        {
            var current = step;
            await Task.WhenAll(
                Task.Run(async () =>
                {
                    foreach (var id in ids.Where((_, i) => (i + current) % 2 == 0))
                    {
                        await first.PublishPlotStepAsync(id, current);
                    }
                }),
                Task.Run(async () =>
                {
                    foreach (var id in ids.Where((_, i) => (i + current) % 2 == 1))
                    {
                        await second.PublishPlotStepAsync(id, current);
                    }
                }));
        }

        await Eventually.HoldsAsync(
            async () => await first.WithAsync<FarmsDbContext, int>(f => f.OutboxMessages.CountAsync(m => m.ProcessedAt != null || m.ParkedAt != null)) == plots * steps,
            "every step was delivered or parked",
            TimeSpan.FromSeconds(120));

        Assert.Equal(0, await first.WithAsync<FarmsDbContext, int>(f => f.OutboxMessages.CountAsync(m => m.ParkedAt != null)));
        var progress = await first.WithAsync<MarketDbContext, List<PlotProgress>>(m => m.Plots.ToListAsync());
        Assert.Equal(plots, progress.Count);
        Assert.All(progress, p => Assert.Equal(steps, p.LastStep));
    }

    [Fact]
    public async Task A_parked_step_holds_back_only_the_later_steps_of_its_own_plot()
    {
        var probe = new HandlerProbe();
        await using var host = await TestHost.StartAsync(_data.Path, probe);
        var stuck = Guid.CreateVersion7();
        var flowing = Guid.CreateVersion7();
        probe.PoisonedPlotSteps[(stuck, 1)] = true;
        foreach (var step in new[] { 1, 2, 3 })
        {
            await host.PublishPlotStepAsync(stuck, step);
            await host.PublishPlotStepAsync(flowing, step);
        }

        while (await host.Dispatcher.DispatchPendingAsync(CancellationToken.None) > 0)
        {
        }

        var outbox = await host.OutboxAsync();
        var stuckSteps = outbox.Where(m => m.PartitionKey == $"plot:{stuck}").OrderBy(m => m.OccurredAt).ToList();
        Assert.NotNull(stuckSteps[0].ParkedAt);
        Assert.All(stuckSteps.Skip(1), m => Assert.True(m.ProcessedAt is null && m.ParkedAt is null && m.Deliveries == 0));
        Assert.All(outbox.Where(m => m.PartitionKey == $"plot:{flowing}"), m => Assert.NotNull(m.ProcessedAt));
        Assert.Equal(3, (await host.WithAsync<MarketDbContext, PlotProgress?>(m => m.Plots.FindAsync(flowing).AsTask()))!.LastStep);
    }

    [Fact]
    public async Task A_lease_is_renewed_while_a_slow_handler_works_so_no_other_host_can_claim_the_message()
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var probe = new HandlerProbe { TallyGate = gate };
        var shortLease = new Dictionary<string, string?> { ["Outbox:ClaimDuration"] = "00:00:00.600" };
        await using var slow = await TestHost.StartAsync(_data.Path, probe, shortLease);
        await using var other = await TestHost.StartAsync(_data.Path, probe, shortLease);
        var harvestId = Guid.CreateVersion7();
        await slow.RecordHarvestAsync(harvestId);

        var slowRound = slow.Dispatcher.DispatchPendingAsync(CancellationToken.None);
        await probe.TallyEntered.Task.WaitAsync(TimeSpan.FromSeconds(20));
        probe.TallyGate = null;
        var firstLease = (await slow.OutboxAsync()).Single().ClaimExpiresAt!.Value;
        await Eventually.HoldsAsync(
            async () => (await slow.OutboxAsync()).Single().ClaimExpiresAt > firstLease.AddMilliseconds(300),
            "the working host renewed its lease, twice over");
        var stolen = await other.Dispatcher.DispatchPendingAsync(CancellationToken.None);
        gate.SetResult();

        Assert.Equal(0, stolen);
        Assert.Equal(1, await slowRound);
        Assert.Equal(1, probe.TallyExecutions[harvestId]);
        Assert.NotNull(Assert.Single(await slow.OutboxAsync()).ProcessedAt);
    }

    [Fact]
    public async Task A_host_that_dies_mid_delivery_hands_its_messages_on_within_the_lease()
    {
        var probe = new HandlerProbe { TallyGate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously) };
        var lease = new Dictionary<string, string?> { ["Outbox:ClaimDuration"] = "00:00:01", ["Outbox:IdlePollInterval"] = "00:00:00.100" };
        await using var dying = await TestHost.StartAsync(_data.Path, probe, lease);
        var harvestId = Guid.CreateVersion7();
        await dying.RecordHarvestAsync(harvestId);
        using var death = new CancellationTokenSource();

        var doomedRound = dying.Dispatcher.DispatchPendingAsync(death.Token);
        await probe.TallyEntered.Task.WaitAsync(TimeSpan.FromSeconds(20));
        probe.TallyGate = null;
        await death.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => doomedRound);
        var diedAt = DateTime.UtcNow;
        await using var survivor = await TestHost.StartAsync(_data.Path, probe, lease, runDispatcher: true);

        await Eventually.HoldsAsync(
            async () => (await survivor.OutboxAsync()).Single().ProcessedAt is not null, "the survivor delivered the message", TimeSpan.FromSeconds(15));
        Assert.True(DateTime.UtcNow - diedAt < TimeSpan.FromSeconds(10), "taken over in seconds, not minutes");
        Assert.Equal(1, probe.TallyExecutions[harvestId]);
    }
}
