namespace RuralCommerce.Catalog;

/// <summary>The text of Catalog's pages: <c>CatalogText.resx</c> is zh-CN, <c>.en</c> English (from <c>CatalogText.tsv</c>).</summary>
public sealed class CatalogText;
