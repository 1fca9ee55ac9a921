using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using RuralCommerce.Shared.Infrastructure.Persistence;

namespace RuralCommerce.Shared.Infrastructure.Files;

/// <summary>
/// Where modules keep uploaded files (photos, videos), by key (<c>catalog/photos/ab12….webp</c>). Files are written
/// once and never changed: a key names its content. One host uses a folder under the data folder; several hosts share
/// one store (a shared folder mounted at the same path, or an object store behind this same interface).
/// </summary>
public interface IFileStore
{
    /// <summary>Stores <paramref name="content"/> under <paramref name="key"/> unless a file is already there; never half-written.</summary>
    Task SaveAsync(string key, ReadOnlyMemory<byte> content, CancellationToken cancellationToken);

    /// <summary>The same for a large file (a video), copied from <paramref name="content"/> without holding it in memory.</summary>
    Task SaveAsync(string key, Stream content, CancellationToken cancellationToken);

    /// <summary>A readable, seekable stream of the file (so HTTP range requests work), or null when there is none.</summary>
    Stream? OpenRead(string key);

    bool Exists(string key);
}

/// <summary>The <see cref="IFileStore"/> of one host: <c>{data folder}/files/{key}</c>.</summary>
internal sealed partial class LocalFolderFileStore(string root) : IFileStore
{
    public string Root { get; } = root;

    public Task SaveAsync(string key, ReadOnlyMemory<byte> content, CancellationToken cancellationToken) =>
        WriteOnceAsync(key, (temporary, ct) => File.WriteAllBytesAsync(temporary, content.ToArray(), ct), cancellationToken);

    public Task SaveAsync(string key, Stream content, CancellationToken cancellationToken) =>
        WriteOnceAsync(key, async (temporary, ct) =>
        {
            await using var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 64 * 1024, FileOptions.Asynchronous);
            await content.CopyToAsync(file, ct);
        }, cancellationToken);

    private async Task WriteOnceAsync(string key, Func<string, CancellationToken, Task> write, CancellationToken cancellationToken)
    {
        var path = PathOf(key);
        if (File.Exists(path))
        {
            return;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temporary = $"{path}.{Guid.NewGuid():N}.tmp";
        try
        {
            await write(temporary, cancellationToken);
            // Another upload of the same content may have won the race; its file is the same bytes.
            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    public Stream? OpenRead(string key)
    {
        var path = PathOf(key);
        return File.Exists(path)
            ? new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024, FileOptions.Asynchronous)
            : null;
    }

    public bool Exists(string key) => File.Exists(PathOf(key));

    private string PathOf(string key)
    {
        if (!KeyPattern().IsMatch(key) || key.Contains("..", StringComparison.Ordinal))
        {
            throw new ArgumentException($"'{key}' is not a file-store key.", nameof(key));
        }

        return Path.Combine(Root, key.Replace('/', Path.DirectorySeparatorChar));
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9._-]*(/[a-z0-9][a-z0-9._-]*)*$")]
    private static partial Regex KeyPattern();
}

public static class FileStoreRegistration
{
    /// <summary>The local-folder store under the data folder, unless the host registered another.</summary>
    public static IServiceCollection AddFileStore(this IServiceCollection services)
    {
        services.TryAddSingleton<IFileStore>(provider => new LocalFolderFileStore(Path.Combine(
            provider.GetRequiredService<IOptions<DatabaseOptions>>().Value.ResolveDataDirectory(
                provider.GetRequiredService<IHostEnvironment>().ContentRootPath),
            "files")));
        return services;
    }
}
