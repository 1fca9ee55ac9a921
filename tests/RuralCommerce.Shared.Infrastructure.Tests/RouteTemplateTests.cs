using RuralCommerce.Shared.Infrastructure.Web;

namespace RuralCommerce.Shared.Infrastructure.Tests;

public sealed class RouteTemplateTests
{
    [Fact]
    public void Parameters_are_filled_in_order_whatever_their_constraints()
    {
        var path = RouteTemplate.Fill("/{cooperativeId:guid}/members/{memberId:guid}/dues/{year:int}/payment", Guid.Empty, "a b", 2026);

        Assert.Equal($"/{Guid.Empty}/members/a%20b/dues/2026/payment", path);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(2)]
    public void A_count_of_values_that_does_not_match_the_template_is_refused(int values)
    {
        Assert.Throws<ArgumentException>(() => RouteTemplate.Fill("/{id}", Enumerable.Repeat<object>("x", values).ToArray()));
    }
}

public sealed class DisplayTests
{
    [Theory]
    [InlineData("zh-CN", 1234.5, "¥1,234.50")]
    [InlineData("en", 1234.5, "¥1,234.50")]
    [InlineData("zh-CN", -20, "-¥20.00")]
    public void Money_reads_as_yuan_in_every_language(string culture, double amount, string expected)
    {
        var previous = System.Globalization.CultureInfo.CurrentCulture;
        System.Globalization.CultureInfo.CurrentCulture = System.Globalization.CultureInfo.GetCultureInfo(culture);
        try
        {
            Assert.Equal(expected, Web.Pages.Display.Yuan((decimal)amount));
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentCulture = previous;
        }
    }
}
