using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RuralCommerce.Shared.Infrastructure.Persistence;
using RuralCommerce.TestSupport;

namespace RuralCommerce.Shared.Infrastructure.Tests;

public sealed class SqliteWriteGateTests : IDisposable
{
    private readonly TempDirectory _data = new();
    private readonly HandlerProbe _probe = new();

    public void Dispose() => _data.Dispose();

    private static SqliteWriteGate Gate(TestHost host, string module) => host.Services.GetRequiredService<SqliteWriteGates>().All[module];

    [Fact]
    public async Task Forty_writers_of_one_file_queue_at_its_gate_and_every_one_commits()
    {
        await using var host = await TestHost.StartAsync(_data.Path, _probe);
        var before = Gate(host, "Farms").Totals.Entries;

        await Task.WhenAll(Enumerable.Range(0, 40).Select(i => host.RecordHarvestAsync(Guid.CreateVersion7(), i + 1)));

        Assert.Equal(40, await host.WithAsync<FarmsDbContext, int>(db => db.Harvests.CountAsync()));
        Assert.True(Gate(host, "Farms").Totals.Entries - before >= 40);
    }

    [Fact]
    public async Task A_transaction_left_without_commit_or_rollback_gives_the_gate_back_when_its_connection_closes()
    {
        await using var host = await TestHost.StartAsync(_data.Path, _probe);

        await host.WithAsync<FarmsDbContext>(async db =>
        {
            var abandoned = await db.Database.BeginTransactionAsync();
            await db.Database.ExecuteSqlRawAsync("UPDATE OutboxMessages SET Deliveries = Deliveries WHERE 0");
            await db.Database.CloseConnectionAsync();
            await abandoned.DisposeAsync();
        });

        await NextWriterGoesThroughAsync(host);
    }

    [Fact]
    public async Task A_committed_transaction_gives_the_gate_back_at_once_though_its_connection_stays_open()
    {
        await using var host = await TestHost.StartAsync(_data.Path, _probe);

        await host.WithAsync<FarmsDbContext>(async db =>
        {
            await db.Database.OpenConnectionAsync();
            await using (var transaction = await db.Database.BeginTransactionAsync())
            {
                db.Harvests.Add(Harvest.Record(Guid.CreateVersion7(), 3));
                await db.SaveChangesAsync();
                await transaction.CommitAsync();
            }

            // The first context still holds its open connection; a second writer must not wait for it.
            await NextWriterGoesThroughAsync(host);
        });
    }

    [Fact]
    public async Task A_writer_whose_request_is_cancelled_as_the_gate_comes_to_it_still_begins_and_gives_the_gate_back()
    {
        await using var host = await TestHost.StartAsync(_data.Path, _probe);

        await host.WithAsync<FarmsDbContext>(holder => host.WithAsync<FarmsDbContext>(async late =>
        {
            // As the placement endpoints do: one connection for the whole request.
            await late.Database.OpenConnectionAsync();
            var holding = await holder.Database.BeginTransactionAsync();
            using var phoneGone = new CancellationTokenSource();
            var begin = late.Database.BeginTransactionAsync(phoneGone.Token);
            Assert.False(begin.IsCompleted); // it waits at the gate

            // The gate goes to the late writer, whose phone drops the connection before its continuation runs.
            await holding.CommitAsync();
            await phoneGone.CancelAsync();
            await using (var writes = await begin)
            {
                // Once the gate is entered the transaction begins regardless; the request's own code ends it.
                await writes.RollbackAsync(CancellationToken.None);
            }

            await late.Database.CloseConnectionAsync();
        }));

        await NextWriterGoesThroughAsync(host);
    }

    [Fact]
    public async Task A_pooled_context_comes_back_without_the_last_users_state()
    {
        await using var host = await TestHost.StartAsync(_data.Path, _probe);
        FarmsDbContext? first = null;
        await host.WithAsync<FarmsDbContext>(db =>
        {
            first = db;
            db.KeyCommitsWrites = true;
            db.Harvests.Add(Harvest.Record(Guid.CreateVersion7(), 1));
            return Task.CompletedTask;
        });

        await host.WithAsync<FarmsDbContext>(db =>
        {
            Assert.Same(first, db);
            Assert.False(db.KeyCommitsWrites);
            Assert.Empty(db.ChangeTracker.Entries());
            return Task.CompletedTask;
        });
    }

    /// <summary>Were the gate still held, the write would wait the whole busy timeout before going on without it.</summary>
    private static async Task NextWriterGoesThroughAsync(TestHost host)
    {
        var write = host.RecordHarvestAsync(Guid.CreateVersion7());
        Assert.Same(write, await Task.WhenAny(write, Task.Delay(TimeSpan.FromSeconds(5))));
        await write;
    }
}
