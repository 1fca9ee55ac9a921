namespace RuralCommerce.Training;

/// <summary>The <c>Training</c> configuration section.</summary>
internal sealed class TrainingOptions
{
    public const string SectionName = "Training";

    /// <summary>The share of a lesson's video a learner must have actually watched for the lesson to count (0.9 = 90 %).</summary>
    public decimal CompletionShare { get; set; } = 0.9m;

    /// <summary>The largest video upload, in bytes (200 MB).</summary>
    public long MaxVideoBytes { get; set; } = 200L * 1024 * 1024;

    /// <summary>The most rows one bulk-enrolment CSV may hold.</summary>
    public int MaxBulkRows { get; set; } = 5000;

    /// <summary>The public address certificate QR codes point to (e.g. <c>https://train.example.cn</c>); unset, the request's own.</summary>
    public string? PublicBaseUrl { get; set; }
}
