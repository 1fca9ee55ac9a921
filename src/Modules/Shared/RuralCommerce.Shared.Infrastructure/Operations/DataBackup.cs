using System.Reflection;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using RuralCommerce.Shared.Infrastructure.Persistence;

namespace RuralCommerce.Shared.Infrastructure.Operations;

/// <summary>
/// Online backups of the SQLite data folder and their restore. Each module's file is copied with SQLite's backup API
/// (a consistent snapshot, WAL included, while the host keeps writing); the rest of the folder (photos, videos, keys)
/// is copied as files. The files are copied one after another (downstream modules first), so restore delivers again every outbox message
/// delivered after the backup started: a consumer's file copied before its event arrived gets it, and the inboxes
/// drop what a consumer had already handled.
/// </summary>
public sealed class DataBackup(
    IServiceScopeFactory scopes,
    IEnumerable<ModuleDatabase> databases,
    IOptions<DatabaseOptions> databaseOptions,
    IOptions<BackupOptions> backupOptions,
    IHostEnvironment environment,
    TimeProvider clock)
{
    private static readonly string[] DatabaseSuffixes = [".db", ".db-wal", ".db-shm", ".db-journal"];

    public string DataDirectory => databaseOptions.Value.ResolveDataDirectory(environment.ContentRootPath);

    public IReadOnlyList<ModuleDatabase> Databases { get; } = databases.ToList();

    /// <summary>Backs the data folder up into <paramref name="target"/>, which must be missing or empty.</summary>
    /// <param name="afterEachDatabase">Called after each module's file is copied (tests use it to let writes go on in between).</param>
    public async Task<BackupManifest> CreateAsync(string target, CancellationToken cancellationToken, Func<ModuleDatabase, Task>? afterEachDatabase = null)
    {
        RequireSqlite();
        if (HasEntries(target))
        {
            throw new BackupException($"The backup folder {target} is not empty.");
        }

        var startedAt = clock.GetUtcNow();
        Directory.CreateDirectory(target);
        var source = DataDirectory;
        var backedUp = new List<BackedUpDatabase>();
        // Downstream first: the host lists upstream modules (Cooperatives) first, and a consumer's copy older than its
        // publisher's is the case restore repairs (by delivering again); a consumer's copy newer than its publisher's
        // could hold effects of events the restored publisher never recorded.
        foreach (var database in Databases.Reverse())
        {
            var file = Path.Combine(source, database.SqliteFileName);
            if (!File.Exists(file))
            {
                continue;
            }

            var copy = Path.Combine(target, database.SqliteFileName);
            await using (var from = await OpenAsync(file, SqliteOpenMode.ReadOnly, cancellationToken))
            await using (var to = await OpenAsync(copy, SqliteOpenMode.ReadWriteCreate, cancellationToken))
            {
                from.BackupDatabase(to);
                // The copy is one self-contained file; the restored host turns WAL on again when it migrates.
                await using var journal = to.CreateCommand();
                journal.CommandText = "PRAGMA journal_mode = DELETE;";
                await journal.ExecuteNonQueryAsync(cancellationToken);
            }

            backedUp.Add(await DescribeAsync(database, copy, cancellationToken));
            if (afterEachDatabase is not null)
            {
                await afterEachDatabase(database);
            }
        }

        CopyOtherFiles(source, target);
        var files = new List<BackedUpFile>();
        foreach (var path in Directory.EnumerateFiles(target, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            files.Add(new BackedUpFile(Relative(target, path), new FileInfo(path).Length, await Sha256Async(path, cancellationToken)));
        }

        var manifest = new BackupManifest(startedAt, clock.GetUtcNow(), HostVersion(), backedUp, files);
        // Written last and moved into place: a folder without a manifest is an unfinished backup.
        var written = Path.Combine(target, BackupManifest.FileName + ".tmp");
        await File.WriteAllTextAsync(written, JsonSerializer.Serialize(manifest, BackupManifest.SerializerOptions), cancellationToken);
        File.Move(written, Path.Combine(target, BackupManifest.FileName));
        return manifest;
    }

    /// <summary>
    /// Restores <paramref name="backup"/> into this host's data folder, which must be missing or empty. Refuses a backup
    /// whose files do not match their checksums or whose databases carry a migration this build does not know (a newer
    /// build's); an older backup's databases are migrated when the host starts.
    /// </summary>
    public async Task<RestoreOutcome> RestoreAsync(string backup, CancellationToken cancellationToken)
    {
        RequireSqlite();
        var target = DataDirectory;
        var problems = new List<string>();
        if (HasEntries(target))
        {
            return RestoreOutcome.Refused($"The data folder {target} is not empty; restore into a new folder.");
        }

        var manifest = await BackupManifest.ReadAsync(backup, cancellationToken);
        if (manifest is null)
        {
            return RestoreOutcome.Refused($"{Path.Combine(backup, BackupManifest.FileName)} is missing or unreadable: not a finished backup.");
        }

        foreach (var file in manifest.Files)
        {
            var path = Path.Combine(backup, file.Path);
            if (!File.Exists(path))
            {
                problems.Add($"{file.Path} is missing.");
            }
            else if (await Sha256Async(path, cancellationToken) != file.Sha256)
            {
                problems.Add($"{file.Path} does not match its SHA-256 checksum.");
            }
        }

        await using (var scope = scopes.CreateAsyncScope())
        {
            foreach (var saved in manifest.Databases)
            {
                var database = Databases.FirstOrDefault(d => d.Module == saved.Module);
                if (database is null)
                {
                    problems.Add($"{saved.File} belongs to a module this build does not have ({saved.Module}).");
                    continue;
                }

                var known = Resolve(scope, database).Database.GetMigrations();
                if (saved.LastMigration is not null && !known.Contains(saved.LastMigration))
                {
                    problems.Add($"{saved.File} has migration {saved.LastMigration}, which this build does not know (a newer build's backup?).");
                }
            }
        }

        if (problems.Count > 0)
        {
            return new RestoreOutcome(problems, 0, new Dictionary<string, int>());
        }

        foreach (var file in manifest.Files)
        {
            var destination = Path.Combine(target, file.Path);
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Copy(Path.Combine(backup, file.Path), destination);
        }

        var redelivered = new Dictionary<string, int>();
        var since = manifest.StartedAt - backupOptions.Value.RedeliveryMargin;
        foreach (var saved in manifest.Databases)
        {
            await using var scope = scopes.CreateAsyncScope();
            var context = Resolve(scope, Databases.First(d => d.Module == saved.Module));
            redelivered[saved.Module] = await context.OutboxMessages
                .Where(m => m.ProcessedAt != null && m.ProcessedAt >= since)
                .ExecuteUpdateAsync(
                    s => s.SetProperty(m => m.ProcessedAt, (DateTimeOffset?)null)
                        .SetProperty(m => m.ClaimToken, (Guid?)null)
                        .SetProperty(m => m.ClaimExpiresAt, (DateTimeOffset?)null),
                    cancellationToken);
        }

        return new RestoreOutcome([], manifest.Files.Count, redelivered);
    }

    private void RequireSqlite()
    {
        if (databaseOptions.Value.Provider != DatabaseProvider.Sqlite)
        {
            throw new BackupException("Backups here are of the SQLite data folder; SQL Server uses its native backups (README, Running in production).");
        }
    }

    private static ModuleDbContext Resolve(AsyncServiceScope scope, ModuleDatabase database) =>
        (ModuleDbContext)scope.ServiceProvider.GetRequiredService(database.ContextTypeFor(DatabaseProvider.Sqlite));

    private static async Task<SqliteConnection> OpenAsync(string file, SqliteOpenMode mode, CancellationToken cancellationToken)
    {
        // No pooling: the copy's file handle must be closed when the backup is done.
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = file, Mode = mode, Pooling = false }.ToString());
        await connection.OpenAsync(cancellationToken);
        return connection;
    }

    private static async Task<BackedUpDatabase> DescribeAsync(ModuleDatabase database, string copy, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(copy, SqliteOpenMode.ReadOnly, cancellationToken);
        var tables = new List<string>();
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name";
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                tables.Add(reader.GetString(0));
            }
        }

        var counts = new SortedDictionary<string, long>(StringComparer.Ordinal);
        foreach (var table in tables)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT COUNT(*) FROM \"{table.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";
            counts[table] = (long)(await command.ExecuteScalarAsync(cancellationToken))!;
        }

        string? lastMigration = null;
        if (tables.Contains("__EFMigrationsHistory"))
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT MigrationId FROM __EFMigrationsHistory ORDER BY MigrationId DESC LIMIT 1";
            lastMigration = await command.ExecuteScalarAsync(cancellationToken) as string;
        }

        return new BackedUpDatabase(database.Module, database.SqliteFileName, lastMigration, counts);
    }

    private void CopyOtherFiles(string source, string target)
    {
        var backups = backupOptions.Value.ResolveDirectory(environment.ContentRootPath);
        foreach (var path in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            if (DatabaseSuffixes.Any(suffix => path.EndsWith(suffix, StringComparison.Ordinal))
                || path.StartsWith(backups + Path.DirectorySeparatorChar, StringComparison.Ordinal)
                || path.StartsWith(target + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            {
                continue;
            }

            var destination = Path.Combine(target, Path.GetRelativePath(source, path));
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Copy(path, destination);
        }
    }

    private static bool HasEntries(string directory) => Directory.Exists(directory) && Directory.EnumerateFileSystemEntries(directory).Any();

    private static string Relative(string root, string path) => Path.GetRelativePath(root, path).Replace(Path.DirectorySeparatorChar, '/');

    private static async Task<string> Sha256Async(string path, CancellationToken cancellationToken)
    {
        await using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, cancellationToken));
    }

    private static string HostVersion() =>
        Assembly.GetEntryAssembly()?.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";
}

/// <param name="Problems">Why the restore was refused; empty when it was done.</param>
/// <param name="Redelivered">Per module, the outbox messages that will be delivered again when the host starts.</param>
public sealed record RestoreOutcome(IReadOnlyList<string> Problems, int FilesRestored, IReadOnlyDictionary<string, int> Redelivered)
{
    public bool Succeeded => Problems.Count == 0;

    internal static RestoreOutcome Refused(string problem) => new([problem], 0, new Dictionary<string, int>());
}

/// <summary>A backup that cannot be taken as asked (a non-empty folder, a SQL Server host).</summary>
public sealed class BackupException(string message) : Exception(message);
