namespace RuralCommerce.Access;

/// <summary>The text of Access's pages: <c>AccessText.resx</c> is zh-CN, <c>AccessText.en.resx</c> English (from <c>AccessText.tsv</c>).</summary>
public sealed class AccessText;
