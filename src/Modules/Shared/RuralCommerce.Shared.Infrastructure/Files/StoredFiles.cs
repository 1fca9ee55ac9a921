using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;
using RuralCommerce.SharedKernel;

namespace RuralCommerce.Shared.Infrastructure.Files;

/// <summary>Serving files named by their content (photos, covers, videos): the name never points at other bytes.</summary>
public static class StoredFiles
{
    /// <summary>
    /// The key of <paramref name="fileName"/> under <paramref name="folder"/>, spread over subfolders by its first two
    /// characters: <c>catalog/photos/ab/ab12….webp</c>.
    /// </summary>
    public static string Key(string folder, string fileName)
    {
        ArgumentNullException.ThrowIfNull(fileName);
        return $"{folder}/{fileName[..2]}/{fileName}";
    }

    /// <summary>
    /// The stored file <paramref name="key"/> as <paramref name="contentType"/>, with range requests (a phone seeks in a
    /// video and resumes a download) and a year's immutable caching; 404 naming <paramref name="resource"/> when there
    /// is none (a <paramref name="key"/> of null: the name was not one of ours).
    /// </summary>
    public static IResult Serve(IFileStore files, string? key, string fileName, string contentType, string resource, HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(files);
        ArgumentNullException.ThrowIfNull(http);
        var stream = (key is null ? null : files.OpenRead(key)) ?? throw new NotFoundException(resource, fileName);
        http.Response.Headers.CacheControl = "public, max-age=31536000, immutable";
        // Only byte ranges exist here; a range in any other unit is ignored (RFC 9110, 14.2): the whole file, 200.
        if (http.Request.Headers.Range is { Count: > 0 } range && !range.ToString().TrimStart().StartsWith("bytes=", StringComparison.OrdinalIgnoreCase))
        {
            http.Request.Headers.Remove("Range");
        }

        return Results.Stream(stream, contentType, entityTag: new EntityTagHeaderValue($"\"{fileName}\""), enableRangeProcessing: true);
    }
}
