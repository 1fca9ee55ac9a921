using System.Globalization;

namespace RuralCommerce.Training.Domain.Enrolments;

/// <summary>One stretch of a video the player saw, in whole seconds from the start: [<see cref="From"/>, <see cref="To"/>).</summary>
internal readonly record struct WatchedSpan(int From, int To)
{
    public int Seconds => To - From;
}

/// <summary>
/// The union of the stretches of one lesson's video a learner has watched, kept sorted and disjoint. Adding a stretch
/// already seen changes nothing, so a replayed or out-of-order report never lowers (or double-counts) progress, and
/// jumping to the end counts only the seconds actually played. Stored as text: <c>0-30,45-120</c>.
/// </summary>
internal static class WatchedSpans
{
    public static IReadOnlyList<WatchedSpan> Parse(string stored) =>
        string.IsNullOrEmpty(stored)
            ? []
            : stored.Split(',').Select(part =>
            {
                var bounds = part.Split('-');
                return new WatchedSpan(
                    int.Parse(bounds[0], CultureInfo.InvariantCulture), int.Parse(bounds[1], CultureInfo.InvariantCulture));
            }).ToList();

    public static string Format(IEnumerable<WatchedSpan> spans) =>
        string.Join(',', spans.Select(s => string.Create(CultureInfo.InvariantCulture, $"{s.From}-{s.To}")));

    /// <summary>The union of <paramref name="existing"/> and <paramref name="added"/>; touching stretches merge.</summary>
    public static List<WatchedSpan> Union(IEnumerable<WatchedSpan> existing, IEnumerable<WatchedSpan> added)
    {
        var merged = new List<WatchedSpan>();
        foreach (var span in existing.Concat(added).Where(s => s.To > s.From).OrderBy(s => s.From))
        {
            if (merged.Count > 0 && span.From <= merged[^1].To)
            {
                merged[^1] = merged[^1] with { To = Math.Max(merged[^1].To, span.To) };
            }
            else
            {
                merged.Add(span);
            }
        }

        return merged;
    }

    public static int Seconds(IEnumerable<WatchedSpan> spans) => spans.Sum(s => s.Seconds);
}
