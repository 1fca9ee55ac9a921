using System.Globalization;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace RuralCommerce.Shared.Infrastructure.Operations;

/// <summary>
/// Takes a backup into <c>Backup:Directory</c> when the newest finished one is older than <c>Backup:Interval</c>
/// (looked at hourly, so a machine switched off at night still gets its daily backup), then keeps the newest
/// <c>Backup:Keep</c>.
/// </summary>
public sealed partial class ScheduledBackups(
    DataBackup backup, IOptions<BackupOptions> options, IHostEnvironment environment, TimeProvider clock, ILogger<ScheduledBackups> logger)
    : BackgroundService
{
    private const string Prefix = "backup-";

    // The first look waits a little: a host that starts and stops at once (an upgrade's restart) does not back up.
    private static readonly TimeSpan FirstLook = TimeSpan.FromMinutes(10);
    private static readonly TimeSpan LookEvery = TimeSpan.FromHours(1);

    public string Directory => options.Value.ResolveDirectory(environment.ContentRootPath);

    /// <summary>Takes a backup if one is due and applies the retention; the new backup's folder, or null when none was due.</summary>
    public async Task<string?> RunIfDueAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var newest = await NewestFinishedAsync(cancellationToken);
        if (newest is not null && now - newest.StartedAt < options.Value.Interval)
        {
            return null;
        }

        var target = Path.Combine(Directory, Prefix + now.UtcDateTime.ToString("yyyyMMdd-HHmmss'Z'", CultureInfo.InvariantCulture));
        var manifest = await backup.CreateAsync(target, cancellationToken);
        LogBackedUp(target, manifest.Files.Count, manifest.FinishedAt - manifest.StartedAt);
        ApplyRetention();
        return target;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await Task.Delay(FirstLook, clock, stoppingToken);
            using var timer = new PeriodicTimer(LookEvery, clock);
            do
            {
                try
                {
                    await RunIfDueAsync(stoppingToken);
                }
                catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
                {
                    LogFailed(exception);
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The host is stopping.
        }
    }

    private async Task<BackupManifest?> NewestFinishedAsync(CancellationToken cancellationToken)
    {
        foreach (var folder in Folders().Reverse())
        {
            if (await BackupManifest.ReadAsync(folder, cancellationToken) is { } manifest)
            {
                return manifest;
            }
        }

        return null;
    }

    /// <summary>Keeps the newest finished backups; an unfinished folder older than the newest finished one is a failed attempt.</summary>
    private void ApplyRetention()
    {
        var finished = 0;
        foreach (var folder in Folders().Reverse())
        {
            var complete = File.Exists(Path.Combine(folder, BackupManifest.FileName));
            if (complete && ++finished <= options.Value.Keep)
            {
                continue;
            }

            if (finished > 0)
            {
                System.IO.Directory.Delete(folder, recursive: true);
            }
        }
    }

    // Folder names sort by time.
    private IEnumerable<string> Folders() =>
        System.IO.Directory.Exists(Directory)
            ? System.IO.Directory.EnumerateDirectories(Directory, Prefix + "*").Order(StringComparer.Ordinal)
            : [];

    [LoggerMessage(Level = LogLevel.Information, Message = "Backed up the data folder into {Folder}: {Files} files in {Duration}")]
    private partial void LogBackedUp(string folder, int files, TimeSpan duration);

    [LoggerMessage(Level = LogLevel.Error, Message = "Scheduled backup failed")]
    private partial void LogFailed(Exception exception);
}
