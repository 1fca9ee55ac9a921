namespace RuralCommerce.Cooperatives;

/// <summary>The text of Cooperatives' pages: <c>CooperativesText.resx</c> is zh-CN, <c>.en</c> English (from <c>CooperativesText.tsv</c>).</summary>
public sealed class CooperativesText;
