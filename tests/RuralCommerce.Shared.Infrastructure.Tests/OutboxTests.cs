using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using RuralCommerce.TestSupport;

namespace RuralCommerce.Shared.Infrastructure.Tests;

public sealed class OutboxTests : IDisposable
{
    private readonly TempDirectory _data = new();
    private readonly HandlerProbe _probe = new();

    public void Dispose() => _data.Dispose();

    [Fact]
    public async Task Saving_an_aggregate_stores_its_integration_event_in_the_same_commit()
    {
        await using var host = await TestHost.StartAsync(_data.Path, _probe);
        var harvestId = Guid.CreateVersion7();

        await host.RecordHarvestAsync(harvestId, kilograms: 42);

        var message = Assert.Single(await host.OutboxAsync());
        Assert.Contains(nameof(HarvestRecordedIntegrationEvent), message.Type, StringComparison.Ordinal);
        Assert.Null(message.ProcessedAt);
        using var payload = JsonDocument.Parse(message.Payload);
        Assert.Equal(harvestId, payload.RootElement.GetProperty("harvestId").GetGuid());
        Assert.Equal(42, payload.RootElement.GetProperty("kilograms").GetInt32());
        Assert.Equal(message.Id, payload.RootElement.GetProperty("eventId").GetGuid());
    }

    [Fact]
    public async Task A_failed_save_stores_neither_the_change_nor_its_event()
    {
        await using var host = await TestHost.StartAsync(_data.Path, _probe);
        var harvestId = Guid.CreateVersion7();
        await host.RecordHarvestAsync(harvestId);

        // Same key again: the insert fails, so the event raised with it must not survive either.
        await Assert.ThrowsAsync<DbUpdateException>(() => host.RecordHarvestAsync(harvestId));

        Assert.Single(await host.OutboxAsync());
        Assert.Equal(1, await host.WithAsync<FarmsDbContext, int>(farms => farms.Harvests.CountAsync()));
    }

    [Fact]
    public async Task The_dispatcher_delivers_to_every_subscriber_and_marks_the_message_processed()
    {
        await using var host = await TestHost.StartAsync(_data.Path, _probe);
        var harvestId = Guid.CreateVersion7();
        await host.RecordHarvestAsync(harvestId, kilograms: 7);

        Assert.Equal(1, await host.Dispatcher.DispatchPendingAsync(CancellationToken.None));

        var tally = await host.WithAsync<MarketDbContext, Tally?>(market => market.Tallies.SingleOrDefaultAsync());
        Assert.Equal(7, tally?.Kilograms);
        Assert.Equal(1, _probe.AuditExecutions[harvestId]);
        Assert.NotNull(Assert.Single(await host.OutboxAsync()).ProcessedAt);
        Assert.Equal(2, await host.WithAsync<MarketDbContext, int>(market => market.InboxMessages.CountAsync()));
        Assert.Equal(0, await host.Dispatcher.DispatchPendingAsync(CancellationToken.None));
    }

    [Fact]
    public async Task A_redelivered_event_changes_nothing_the_second_time()
    {
        await using var host = await TestHost.StartAsync(_data.Path, _probe);
        var harvestId = Guid.CreateVersion7();
        await host.RecordHarvestAsync(harvestId);
        await host.Dispatcher.DispatchPendingAsync(CancellationToken.None);

        // As if the host died after the handlers committed but before the message was marked processed.
        await host.WithAsync<FarmsDbContext>(farms => farms.OutboxMessages.ExecuteUpdateAsync(
            s => s.SetProperty(m => m.ProcessedAt, (DateTimeOffset?)null)));
        Assert.Equal(1, await host.Dispatcher.DispatchPendingAsync(CancellationToken.None));

        Assert.Equal(1, _probe.TallyExecutions[harvestId]);
        Assert.Equal(1, _probe.AuditExecutions[harvestId]);
        Assert.Equal(1, await host.WithAsync<MarketDbContext, int>(market => market.Tallies.CountAsync()));
        Assert.NotNull(Assert.Single(await host.OutboxAsync()).ProcessedAt);
    }

    [Fact]
    public async Task A_failing_handler_is_retried_and_succeeds_without_repeating_the_others()
    {
        await using var host = await TestHost.StartAsync(_data.Path, _probe);
        var harvestId = Guid.CreateVersion7();
        await host.RecordHarvestAsync(harvestId);
        _probe.FailNextTallies(2);

        await host.Dispatcher.DispatchPendingAsync(CancellationToken.None);

        var message = Assert.Single(await host.OutboxAsync());
        Assert.NotNull(message.ProcessedAt);
        Assert.Null(message.ParkedAt);
        Assert.Equal(1, _probe.TallyExecutions[harvestId]);
        Assert.Equal(1, _probe.AuditExecutions[harvestId]);
    }

    [Fact]
    public async Task A_handler_that_keeps_failing_gets_its_message_parked_without_starving_the_other_handler()
    {
        await using var host = await TestHost.StartAsync(_data.Path, _probe);
        var harvestId = Guid.CreateVersion7();
        await host.RecordHarvestAsync(harvestId);
        _probe.AuditAlwaysFails = true;

        await host.Dispatcher.DispatchPendingAsync(CancellationToken.None);

        var message = Assert.Single(await host.OutboxAsync());
        Assert.NotNull(message.ParkedAt);
        Assert.Null(message.ProcessedAt);
        Assert.Contains("The auditor is away", message.LastError, StringComparison.Ordinal);
        Assert.Equal(1, _probe.TallyExecutions[harvestId]);
        Assert.Equal(0, await host.Dispatcher.DispatchPendingAsync(CancellationToken.None));
    }

    [Fact]
    public async Task A_message_claimed_too_often_is_parked_instead_of_crashing_hosts_forever()
    {
        await using var host = await TestHost.StartAsync(_data.Path, _probe);
        await host.RecordHarvestAsync(Guid.CreateVersion7());
        // Three earlier claims that never completed (MaxAttempts is 3 in these tests).
        await host.WithAsync<FarmsDbContext>(farms => farms.OutboxMessages.ExecuteUpdateAsync(
            s => s.SetProperty(m => m.Deliveries, 3)));

        await host.Dispatcher.DispatchPendingAsync(CancellationToken.None);

        var message = Assert.Single(await host.OutboxAsync());
        Assert.NotNull(message.ParkedAt);
        Assert.Contains("Claimed 4 times", message.LastError, StringComparison.Ordinal);
        Assert.Empty(_probe.TallyExecutions);
    }

    [Fact]
    public async Task An_unknown_event_type_is_parked_at_once()
    {
        await using var host = await TestHost.StartAsync(_data.Path, _probe);
        await host.RecordHarvestAsync(Guid.CreateVersion7());
        await host.WithAsync<FarmsDbContext>(farms => farms.OutboxMessages.ExecuteUpdateAsync(
            s => s.SetProperty(m => m.Type, "Nowhere.GoneIntegrationEvent, Nowhere")));

        await host.Dispatcher.DispatchPendingAsync(CancellationToken.None);

        var message = Assert.Single(await host.OutboxAsync());
        Assert.NotNull(message.ParkedAt);
        Assert.Contains("Unknown integration event type", message.LastError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Events_are_delivered_in_the_order_they_occurred()
    {
        await using var host = await TestHost.StartAsync(_data.Path, _probe, new() { ["Outbox:BatchSize"] = "4" });
        var harvests = Enumerable.Range(0, 15).Select(_ => Guid.CreateVersion7()).ToList();
        foreach (var id in harvests)
        {
            await host.RecordHarvestAsync(id);
        }

        while (await host.Dispatcher.DispatchPendingAsync(CancellationToken.None) > 0)
        {
        }

        Assert.Equal(harvests, _probe.DeliveryOrder);
    }

    [Fact]
    public async Task A_commit_wakes_the_running_dispatcher_without_waiting_for_its_poll()
    {
        await using var host = await TestHost.StartAsync(
            _data.Path, _probe, new() { ["Outbox:IdlePollInterval"] = "00:10:00" }, runDispatcher: true);
        // Let the dispatcher finish its first (empty) round and go to sleep for ten minutes.
        await host.WithAsync<FarmsDbContext>(farms => farms.OutboxMessages.AnyAsync());
        var harvestId = Guid.CreateVersion7();

        await host.RecordHarvestAsync(harvestId);

        await Eventually.HoldsAsync(() => _probe.TallyExecutions.ContainsKey(harvestId), "the commit woke the dispatcher");
    }
}
