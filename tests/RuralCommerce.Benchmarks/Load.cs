using System.Diagnostics;
using System.Globalization;

namespace RuralCommerce.Benchmarks;

internal static class Load
{
    /// <summary>Sends the request ten times to warm up, then <paramref name="requests"/> times one after another; prints p50 and p99.</summary>
    public static async Task MeasureAsync(string name, int requests, Func<Task<HttpResponseMessage>> send)
    {
        for (var i = 0; i < 10; i++)
        {
            using var warm = await send();
            warm.EnsureSuccessStatusCode();
        }

        var timings = new List<double>(requests);
        for (var i = 0; i < requests; i++)
        {
            var started = Stopwatch.GetTimestamp();
            using var response = await send();
            _ = await response.Content.ReadAsByteArrayAsync();
            timings.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            response.EnsureSuccessStatusCode();
        }

        timings.Sort();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name,-50} {Percentile(timings, 0.50),8:0.0} {Percentile(timings, 0.99),8:0.0}"));
    }

    private static double Percentile(List<double> sorted, double p) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];
}
