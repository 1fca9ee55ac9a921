using Microsoft.EntityFrameworkCore;
using RuralCommerce.TestSupport;

namespace RuralCommerce.Shared.Infrastructure.Tests;

public sealed class ConcurrentDispatcherTests : IDisposable
{
    private readonly TempDirectory _data = new();

    public void Dispose() => _data.Dispose();

    [Fact]
    public async Task A_message_claimed_by_one_host_is_not_delivered_by_another()
    {
        var probe = new HandlerProbe { TallyGate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously) };
        await using var first = await TestHost.StartAsync(_data.Path, probe);
        await using var second = await TestHost.StartAsync(_data.Path, probe);
        var harvestId = Guid.CreateVersion7();
        await first.RecordHarvestAsync(harvestId);

        var firstRound = first.Dispatcher.DispatchPendingAsync(CancellationToken.None);
        await probe.TallyEntered.Task.WaitAsync(TimeSpan.FromSeconds(20));
        var secondRound = await second.Dispatcher.DispatchPendingAsync(CancellationToken.None);
        probe.TallyGate.SetResult();

        Assert.Equal(0, secondRound);
        Assert.Equal(1, await firstRound);
        Assert.Equal(1, probe.TallyExecutions[harvestId]);
        Assert.NotNull(Assert.Single(await first.OutboxAsync()).ProcessedAt);
    }

    [Fact]
    public async Task Two_hosts_sharing_one_database_handle_every_event_exactly_once()
    {
        const int events = 300;
        var probe = new HandlerProbe();
        var fastPoll = new Dictionary<string, string?> { ["Outbox:IdlePollInterval"] = "00:00:00.050", ["Outbox:BatchSize"] = "3" };
        await using var first = await TestHost.StartAsync(_data.Path, probe, fastPoll, runDispatcher: true);
        await using var second = await TestHost.StartAsync(_data.Path, probe, fastPoll, runDispatcher: true);

        // Both hosts write while both dispatchers drain: a livestream burst on two instances.
        var ids = Enumerable.Range(0, events).Select(_ => Guid.CreateVersion7()).ToList();
        await Task.WhenAll(
            Task.Run(async () =>
            {
                foreach (var id in ids.Where((_, i) => i % 2 == 0))
                {
                    await first.RecordHarvestAsync(id);
                }
            }),
            Task.Run(async () =>
            {
                foreach (var id in ids.Where((_, i) => i % 2 == 1))
                {
                    await second.RecordHarvestAsync(id);
                }
            }));

        await Eventually.HoldsAsync(
            async () => await first.WithAsync<FarmsDbContext, int>(f => f.OutboxMessages.CountAsync(m => m.ProcessedAt != null)) == events,
            "every event was processed",
            TimeSpan.FromSeconds(60));

        Assert.Equal(events, probe.TallyExecutions.Count);
        Assert.All(ids, id => Assert.Equal(1, probe.TallyExecutions[id]));
        Assert.All(ids, id => Assert.Equal(1, probe.AuditExecutions[id]));
        Assert.Equal(events, await second.WithAsync<MarketDbContext, int>(m => m.Tallies.CountAsync()));
        Assert.Equal(0, await first.WithAsync<FarmsDbContext, int>(f => f.OutboxMessages.CountAsync(m => m.ParkedAt != null)));
    }
}
