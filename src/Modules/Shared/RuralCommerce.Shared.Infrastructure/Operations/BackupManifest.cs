using System.Text.Json;

namespace RuralCommerce.Shared.Infrastructure.Operations;

/// <summary>What a backup holds, written next to it as <c>manifest.json</c>: restore checks every file against it.</summary>
public sealed record BackupManifest(
    DateTimeOffset StartedAt,
    DateTimeOffset FinishedAt,
    string HostVersion,
    IReadOnlyList<BackedUpDatabase> Databases,
    IReadOnlyList<BackedUpFile> Files)
{
    public const string FileName = "manifest.json";

    internal static JsonSerializerOptions SerializerOptions { get; } = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static async Task<BackupManifest?> ReadAsync(string backupDirectory, CancellationToken cancellationToken)
    {
        var path = Path.Combine(backupDirectory, FileName);
        if (!File.Exists(path))
        {
            return null;
        }

        await using var stream = File.OpenRead(path);
        try
        {
            return await JsonSerializer.DeserializeAsync<BackupManifest>(stream, SerializerOptions, cancellationToken);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}

/// <param name="Module">The module whose database file this is.</param>
/// <param name="File">The file's path inside the backup.</param>
/// <param name="LastMigration">The newest migration applied to it; restore refuses one this build does not know.</param>
/// <param name="RowCounts">Rows per table at the moment of the copy.</param>
public sealed record BackedUpDatabase(string Module, string File, string? LastMigration, IReadOnlyDictionary<string, long> RowCounts);

/// <param name="Path">Relative to the backup (and to the data folder), with forward slashes.</param>
public sealed record BackedUpFile(string Path, long Bytes, string Sha256);
