namespace RuralCommerce.Host;

/// <summary>The shell's text (layout, home, error pages): <c>HostText.resx</c> is zh-CN, <c>HostText.en.resx</c> English.</summary>
public sealed class HostText;
