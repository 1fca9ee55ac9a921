using Microsoft.Extensions.Logging;
using RuralCommerce.TestSupport;

namespace RuralCommerce.Host.Tests;

/// <summary>A newcomer's first start: the log warns only about what needs doing (becoming the first administrator).</summary>
public sealed class FreshStartTests : IDisposable
{
    private readonly ApiFactory _factory = new();

    [Fact]
    public async Task A_fresh_start_logs_no_warning_that_needs_no_action()
    {
        using var client = _factory.CreateClient();
        using var home = await client.GetAsync(new Uri("/", UriKind.Relative));
        using var shop = await client.GetAsync(new Uri("/api/catalog/shop/products", UriKind.Relative));

        var warnings = _factory.Logs.Lines
            .Where(l => l.Level >= LogLevel.Warning)
            .Where(l => !l.Message.Contains("BootstrapAdmin", StringComparison.Ordinal))
            .Select(l => $"{l.Category}: {l.Message}")
            .ToList();
        Assert.Empty(warnings);
    }

    public void Dispose() => _factory.Dispose();
}
