namespace RuralCommerce.IncomeTracking;

/// <summary>The <c>IncomeTracking</c> configuration section.</summary>
internal sealed class IncomeTrackingOptions
{
    public const string SectionName = "IncomeTracking";

    /// <summary>The gain over baseline, in percent, from which a seller counts as one whose income rose (20 %).</summary>
    public decimal GainThresholdPercent { get; set; } = 20m;

    /// <summary>The months before and after a course completion the training-effect table compares (6).</summary>
    public int TrainingEffectWindowMonths { get; set; } = 6;
}
