using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RuralCommerce.Shared.Infrastructure.Operations;
using RuralCommerce.Shared.Infrastructure.Persistence;
using RuralCommerce.TestSupport;
using RuralCommerce.TestSupport.Cooperatives;
using Xunit;

namespace RuralCommerce.Host.Tests;

public sealed class BackupRestoreTests
{
    [Fact]
    public async Task A_backup_taken_under_load_restores_with_every_cross_module_event_handled_exactly_once()
    {
        using var backupFolder = new TempDirectory();
        using var restoredFolder = new TempDirectory();
        await using (var host = new ApiFactory())
        {
            var scenario = await CooperativeScenario.CreateAsync(host);
            await WritePhotoAsync(host);
            using var stop = new CancellationTokenSource();
            var added = 0;
            var load = Task.Run(async () =>
            {
                while (!stop.IsCancellationRequested)
                {
                    await scenario.AddMemberAsync($"Farmer {added}");
                    Interlocked.Increment(ref added);
                }
            });
            await Eventually.HoldsAsync(() => Volatile.Read(ref added) >= 5, "members are being added");

            // Between two files the load goes on and the dispatcher delivers: the later copies are newer than the earlier.
            var backup = host.Services.GetRequiredService<DataBackup>();
            var manifest = await backup.CreateAsync(backupFolder.Path, CancellationToken.None, async _ =>
            {
                var before = Volatile.Read(ref added);
                await Eventually.HoldsAsync(() => Volatile.Read(ref added) >= before + 2, "the load goes on during the backup");
            });
            await stop.CancelAsync();
            await load;

            Assert.Equal(host.Services.GetServices<ModuleDatabase>().Count(), manifest.Databases.Count);
            Assert.All(manifest.Databases, d => Assert.NotNull(d.LastMigration));
            Assert.Contains(manifest.Files, f => f.Path == "cooperatives.db" && f.Sha256.Length == 64);
            Assert.Contains(manifest.Files, f => f.Path == "files/ab/photo.jpg");
            Assert.True(manifest.Databases.Single(d => d.Module == "Cooperatives").RowCounts["Members"] >= 5);
        }

        var restore = await RealServers.RunHostAsync("restore", "--from", backupFolder.Path, "--data", restoredFolder.Path);
        Assert.True(restore.ExitCode == 0, restore.Output);
        Assert.Contains("Restored", restore.Output, StringComparison.Ordinal);

        // The restored Cooperatives file is newer than Income Tracking's: events it records as delivered are missing there.
        Assert.True(await MissingMemberJoinedAsync(restoredFolder.Path) > 0, "the backup's copies were taken at different moments");
        Assert.True(await CountAsync(restoredFolder.Path, "cooperatives.db", "SELECT COUNT(*) FROM OutboxMessages WHERE ProcessedAt IS NULL") > 0);

        await using (var restored = new ConfiguredHost(new Dictionary<string, string> { ["Database:DataDirectory"] = restoredFolder.Path }))
        {
            await Eventually.HoldsAsync(async () => await PendingAsync(restored) == 0, "every outbox is delivered after the restore", TimeSpan.FromSeconds(30));
            Assert.Equal(0, await MissingMemberJoinedAsync(restoredFolder.Path));
            Assert.Equal(
                await CountAsync(restoredFolder.Path, "cooperatives.db", "SELECT COUNT(*) FROM Members"),
                await CountAsync(restoredFolder.Path, "incometracking.db", "SELECT COUNT(*) FROM Sellers"));
            Assert.Equal(0, await ParkedAsync(restored));
        }
    }

    [Fact]
    public async Task Restore_refuses_a_folder_that_holds_data_and_a_backup_that_was_changed()
    {
        using var backupFolder = new TempDirectory();
        using var restoredFolder = new TempDirectory();
        await using (var host = new ApiFactory())
        {
            _ = host.CreateClient();
            await WritePhotoAsync(host);
            await host.Services.GetRequiredService<DataBackup>().CreateAsync(backupFolder.Path, CancellationToken.None);
            await Assert.ThrowsAsync<BackupException>(() => host.Services.GetRequiredService<DataBackup>().CreateAsync(backupFolder.Path, CancellationToken.None));
        }

        await File.WriteAllTextAsync(Path.Combine(restoredFolder.Path, "old.txt"), "data");
        var intoFull = await RealServers.RunHostAsync("restore", "--from", backupFolder.Path, "--data", restoredFolder.Path);
        Assert.Equal(1, intoFull.ExitCode);
        Assert.Contains("not empty", intoFull.Output, StringComparison.Ordinal);

        File.Delete(Path.Combine(restoredFolder.Path, "old.txt"));
        await File.AppendAllTextAsync(Path.Combine(backupFolder.Path, "files", "ab", "photo.jpg"), "x");
        var tampered = await RealServers.RunHostAsync("restore", "--from", backupFolder.Path, "--data", restoredFolder.Path);
        Assert.Equal(1, tampered.ExitCode);
        Assert.Contains("files/ab/photo.jpg does not match its SHA-256 checksum", tampered.Output, StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFileSystemEntries(restoredFolder.Path));

        var usage = await RealServers.RunHostAsync("backup");
        Assert.Equal(2, usage.ExitCode);
    }

    [Fact]
    public async Task The_scheduled_backup_runs_when_due_and_keeps_the_newest()
    {
        using var backups = new TempDirectory();
        await using var host = new ConfiguredHost(new Dictionary<string, string> { ["Backup:Directory"] = backups.Path, ["Backup:Keep"] = "2" });
        _ = host.CreateClient();
        var scheduled = host.Services.GetRequiredService<ScheduledBackups>();
        try
        {
            var first = await scheduled.RunIfDueAsync(CancellationToken.None);
            Assert.NotNull(first);
            Assert.Null(await scheduled.RunIfDueAsync(CancellationToken.None));
            for (var day = 1; day <= 3; day++)
            {
                host.Clock.Offset = TimeSpan.FromDays(day);
                Assert.NotNull(await scheduled.RunIfDueAsync(CancellationToken.None));
            }

            var kept = Directory.GetDirectories(backups.Path).Order(StringComparer.Ordinal).ToList();
            Assert.Equal(2, kept.Count);
            Assert.DoesNotContain(first, kept);
        }
        finally
        {
            host.Clock.Offset = TimeSpan.Zero;
        }
    }

    // Uploaded photos, videos and keys are files in the data folder next to the databases.
    private static async Task WritePhotoAsync(ApiFactory host)
    {
        Directory.CreateDirectory(Path.Combine(host.DataDirectory, "files", "ab"));
        await File.WriteAllBytesAsync(Path.Combine(host.DataDirectory, "files", "ab", "photo.jpg"), [0xFF, 0xD8, 0xFF]);
    }

    private static Task<long> MissingMemberJoinedAsync(string dataDirectory) => CountAsync(
        dataDirectory, "cooperatives.db",
        "SELECT COUNT(*) FROM OutboxMessages o WHERE o.Type LIKE '%MemberJoined%' "
        + "AND NOT EXISTS (SELECT 1 FROM income.InboxMessages i WHERE i.EventId = o.Id)",
        attachIncome: true);

    private static async Task<long> CountAsync(string dataDirectory, string file, string sql, bool attachIncome = false)
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = Path.Combine(dataDirectory, file),
            Mode = SqliteOpenMode.ReadOnly,
            Pooling = false,
        }.ToString());
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = attachIncome
            ? $"ATTACH DATABASE '{Path.Combine(dataDirectory, "incometracking.db")}' AS income; {sql}"
            : sql;
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private static async Task<int> PendingAsync(ApiFactory host) =>
        await SumOverOutboxesAsync(host, outbox => outbox.CountAsync(m => m.ProcessedAt == null && m.ParkedAt == null));

    private static async Task<int> ParkedAsync(ApiFactory host) =>
        await SumOverOutboxesAsync(host, outbox => outbox.CountAsync(m => m.ParkedAt != null));

    private static async Task<int> SumOverOutboxesAsync(
        ApiFactory host, Func<DbSet<RuralCommerce.Shared.Infrastructure.Outbox.OutboxMessage>, Task<int>> count)
    {
        var total = 0;
        foreach (var database in host.Services.GetServices<ModuleDatabase>())
        {
            await using var scope = host.Services.CreateAsyncScope();
            total += await count(((ModuleDbContext)scope.ServiceProvider.GetRequiredService(database.ContextType)).OutboxMessages);
        }

        return total;
    }
}
