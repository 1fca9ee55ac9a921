namespace RuralCommerce.Shared.Infrastructure.Operations;

/// <summary>The <c>Backup</c> configuration section (SQLite; SQL Server has its own native backups).</summary>
public sealed class BackupOptions
{
    public const string SectionName = "Backup";

    /// <summary>Takes scheduled backups of the data folder in this host.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Where scheduled backups go, one folder each; relative to the content root.</summary>
    public string Directory { get; set; } = "backups";

    /// <summary>A backup is taken when the newest one is older than this.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromDays(1);

    /// <summary>How many scheduled backups are kept; older ones are deleted after a new one succeeds.</summary>
    public int Keep { get; set; } = 7;

    /// <summary>
    /// Restore delivers again every outbox message delivered after the backup started less this margin (hosts'
    /// clocks differ a little); the consumers' inboxes drop what they had already handled.
    /// </summary>
    public TimeSpan RedeliveryMargin { get; set; } = TimeSpan.FromMinutes(5);

    public string ResolveDirectory(string contentRoot) => Path.GetFullPath(Path.Combine(contentRoot, Directory));
}
