using System.Globalization;
using RuralCommerce.Shared.Infrastructure.Web.Pages;

namespace RuralCommerce.Shared.Infrastructure.Tests;

/// <summary>Numbers as a Chinese reader expects them: no space before %, separators in counts, no "-¥0.00".</summary>
public sealed class DisplayTests
{
    [Theory]
    [InlineData("zh-CN", 1234.5, "¥1,234.50")]
    [InlineData("en", 1234.5, "¥1,234.50")]
    [InlineData("zh-CN", -20, "-¥20.00")]
    public void Money_reads_as_yuan_in_every_language(string culture, double amount, string expected)
    {
        var previous = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo(culture);
        try
        {
            Assert.Equal(expected, Display.Yuan((decimal)amount));
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }

    [Theory]
    [InlineData("zh-CN")]
    [InlineData("en")]
    public void Percentages_quantities_and_deductions_read_naturally(string culture)
    {
        var previous = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo(culture);
        try
        {
            Assert.Equal("75%", Display.Percent(75m));
            Assert.Equal("+258.24%", Display.Percent(258.244m, "0.##", signed: true));
            Assert.Equal("-12.5%", Display.Percent(-12.5m, signed: true));
            Assert.Equal("—", Display.Percent(null));
            Assert.Equal("100,000", Display.Quantity(100_000m));
            Assert.Equal("2.5", Display.Quantity(2.500m));
            Assert.Equal("¥0.00", Display.Deduction(0m));
            Assert.Equal("-¥8.50", Display.Deduction(8.5m));
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }
}
