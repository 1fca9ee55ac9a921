namespace RuralCommerce.Shared.Infrastructure.Persistence;

public enum DatabaseProvider
{
    Sqlite,
    SqlServer,
}

/// <summary>The <c>Database</c> configuration section.</summary>
public sealed class DatabaseOptions
{
    public const string SectionName = "Database";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>SQLite: folder of the per-module database files, relative to the content root.</summary>
    public string DataDirectory { get; set; } = "data";

    /// <summary>SQL Server: one database for all modules, a schema each.</summary>
    public string? SqlServerConnectionString { get; set; }

    /// <summary>Applies pending migrations at start-up. Unset: on for SQLite, off for SQL Server.</summary>
    public bool? MigrateOnStartup { get; set; }

    /// <summary>SQLite: how long a writer waits for another writer's lock before failing.</summary>
    public TimeSpan SqliteBusyTimeout { get; set; } = TimeSpan.FromSeconds(10);

    public string ResolveDataDirectory(string contentRoot) => Path.GetFullPath(Path.Combine(contentRoot, DataDirectory));

    public bool ShouldMigrateOnStartup => MigrateOnStartup ?? Provider == DatabaseProvider.Sqlite;
}
