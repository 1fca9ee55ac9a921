namespace RuralCommerce.Orders;

/// <summary>The text of Orders' pages: <c>OrdersText.resx</c> is zh-CN, <c>.en</c> English (from <c>OrdersText.tsv</c>).</summary>
public sealed class OrdersText;
