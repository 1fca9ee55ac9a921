namespace RuralCommerce.Shared.Infrastructure.Web.Pages;

/// <summary>The text every module's pages share (field and error messages): <c>SharedText.resx</c> is zh-CN, <c>.en</c> English.</summary>
public sealed class SharedText;
