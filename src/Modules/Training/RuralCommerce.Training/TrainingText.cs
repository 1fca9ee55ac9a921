namespace RuralCommerce.Training;

/// <summary>The text of Training's pages: <c>TrainingText.resx</c> is zh-CN, <c>.en</c> English (from <c>TrainingText.tsv</c>).</summary>
public sealed class TrainingText;
