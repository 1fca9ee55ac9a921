using System.Net;
using System.Text.RegularExpressions;

namespace RuralCommerce.TestSupport;

/// <summary>What a page costs a phone on a slow network: its HTML plus the stylesheet and scripts it loads, compressed as served.</summary>
public static partial class PageWeight
{
    public const int BudgetBytes = 100 * 1024;

    /// <summary>Bytes transferred for <paramref name="html"/> and every asset it references (fetched with Accept-Encoding br, gzip).</summary>
    public static async Task<(long Bytes, IReadOnlyList<string> Assets)> MeasureAsync(ApiFactory factory, byte[] html)
    {
        ArgumentNullException.ThrowIfNull(factory);
        ArgumentNullException.ThrowIfNull(html);
        var assets = AssetReference().Matches(System.Text.Encoding.UTF8.GetString(html)).Select(m => m.Groups[1].Value).ToList();
        long total = html.Length;
        using var client = factory.CreateDefaultClient();
        foreach (var asset in assets)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/" + asset.TrimStart('/'), UriKind.Relative));
            request.Headers.AcceptEncoding.ParseAdd("br, gzip");
            using var response = await client.SendAsync(request);
            if (response.StatusCode != HttpStatusCode.OK)
            {
                throw new InvalidOperationException($"{asset} answered {(int)response.StatusCode}.");
            }

            total += (await response.Content.ReadAsByteArrayAsync()).Length;
        }

        return (total, assets);
    }

    [GeneratedRegex("(?:href|src)=\"([^\"]+\\.(?:css|js))\"")]
    private static partial Regex AssetReference();
}
