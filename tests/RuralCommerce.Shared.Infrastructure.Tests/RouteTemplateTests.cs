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
