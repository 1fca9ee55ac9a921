namespace RuralCommerce.IncomeTracking;

/// <summary>The text of Income Tracking's pages: <c>IncomeTrackingText.resx</c> is zh-CN, <c>.en</c> English (from <c>IncomeTrackingText.tsv</c>).</summary>
public sealed class IncomeTrackingText;
