using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RuralCommerce.Shared.Infrastructure.Idempotency;
using RuralCommerce.Shared.Infrastructure.Outbox;
using RuralCommerce.TestSupport;

namespace RuralCommerce.Shared.Infrastructure.Tests;

public sealed class MessageRetentionTests : IDisposable
{
    private readonly TempDirectory _data = new();
    private readonly HandlerProbe _probe = new();

    public void Dispose() => _data.Dispose();

    [Fact]
    public async Task Only_delivered_messages_their_inbox_rows_and_expired_keys_are_removed()
    {
        await using var host = await TestHost.StartAsync(_data.Path, _probe);
        var oldDelivered = Guid.CreateVersion7();
        var recentDelivered = Guid.CreateVersion7();
        var oldPending = Guid.CreateVersion7();
        var oldParked = Guid.CreateVersion7();
        foreach (var id in new[] { oldDelivered, recentDelivered })
        {
            await host.RecordHarvestAsync(id);
        }

        await host.Dispatcher.DispatchPendingAsync(CancellationToken.None);
        await host.RecordHarvestAsync(oldPending);
        await host.RecordHarvestAsync(oldParked);
        var longAgo = DateTimeOffset.UtcNow.AddDays(-8);
        var messages = await host.OutboxAsync();
        Guid MessageOf(Guid harvest) => messages.Single(m => m.Payload.Contains(harvest.ToString(), StringComparison.Ordinal)).Id;
        var (deliveredId, pendingId, parkedId) = (MessageOf(oldDelivered), MessageOf(oldPending), MessageOf(oldParked));
        await host.WithAsync<FarmsDbContext>(async farms =>
        {
            await farms.OutboxMessages.Where(m => m.Id == deliveredId).ExecuteUpdateAsync(s => s.SetProperty(m => m.ProcessedAt, longAgo));
            await farms.OutboxMessages.Where(m => m.Id == pendingId).ExecuteUpdateAsync(s => s.SetProperty(m => m.OccurredAt, longAgo));
            await farms.OutboxMessages.Where(m => m.Id == parkedId).ExecuteUpdateAsync(s => s.SetProperty(m => m.ParkedAt, longAgo));
        });
        await host.WithAsync<MarketDbContext>(async market =>
        {
            await market.InboxMessages.Where(m => m.EventId == deliveredId).ExecuteUpdateAsync(s => s.SetProperty(m => m.ProcessedAt, longAgo));
            market.IdempotentRequests.Add(IdempotentRequest.Start("scope", "old-key", "hash", DateTimeOffset.UtcNow.AddDays(-2)));
            market.IdempotentRequests.Add(IdempotentRequest.Start("scope", "new-key", "hash", DateTimeOffset.UtcNow));
            await market.SaveChangesAsync();
        });

        var removed = await host.Services.GetRequiredService<MessageRetention>().PurgeAsync(CancellationToken.None);

        Assert.Equal(1 + 2 + 1, removed);
        var left = (await host.OutboxAsync()).Select(m => m.Id).ToHashSet();
        Assert.Equal(new[] { MessageOf(recentDelivered), MessageOf(oldPending), MessageOf(oldParked) }.ToHashSet(), left);
        Assert.Equal(["new-key"], await host.WithAsync<MarketDbContext, List<string>>(m => m.IdempotentRequests.Select(r => r.Key).ToListAsync()));
        Assert.Equal(2, await host.WithAsync<MarketDbContext, int>(m => m.InboxMessages.CountAsync()));
    }
}
