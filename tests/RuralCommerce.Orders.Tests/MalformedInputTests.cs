using System.Net;
using System.Text;

namespace RuralCommerce.Orders.Tests;

/// <summary>What a fuzzer sends: a user's mistake is a 400 naming the field, never a 500, and changes nothing.</summary>
public sealed class MalformedInputTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private readonly OrdersKit _kit = new(factory);

    [Fact]
    public async Task Null_lines_and_out_of_range_filters_are_400_with_the_field_named()
    {
        var (shop, _, product) = await _kit.ProductInStockAsync(10m);
        var (_, session) = await factory.NewVerifiedPersonAsync("Zhao Lei");
        var buyer = factory.ClientFor(session);
        var order = (await new OrdersApi(buyer).Place(OrdersApi.Buy(product.ProductId, 1m, "CashOnDelivery"))).Body;

        var nullLine = await PostAsync(buyer, OrdersApiPaths.Url(OrdersApiPaths.Orders), """{"lines":[null],"paymentMethod":"CashOnDelivery","delivery":null}""");
        var nullRefundLine = await PostAsync(buyer, OrdersApiPaths.Url(OrdersApiPaths.RefundRequests, order.OrderId),
            $$"""{"cooperativeId":"{{shop.CooperativeId}}","reason":"坏了","lines":[null]}""");
        var ancient = await Reply<object>.ReadAsync(await shop.Cooperative.Admin.Http.GetAsync(
            new Uri(OrdersApiPaths.Url(OrdersApiPaths.CooperativeOrders, shop.CooperativeId) + "?from=0001-01-01", UriKind.Relative)));
        var endOfTime = await Reply<object>.ReadAsync(await shop.Cooperative.Admin.Http.GetAsync(
            new Uri(OrdersApiPaths.Url(OrdersApiPaths.CooperativeOrders, shop.CooperativeId) + "?to=9999-12-31", UriKind.Relative)));
        var hugePrice = await Reply<object>.ReadAsync(await factory.CreateClient().GetAsync(
            new Uri("/api/catalog/shop/products?minPrice=9223372036854775807&maxPrice=100000000000000000000", UriKind.Relative)));

        Assert.Equal((HttpStatusCode.BadRequest, true), (nullLine.Status, nullLine.FieldErrors.ContainsKey("lines")));
        Assert.Equal((HttpStatusCode.BadRequest, true), (nullRefundLine.Status, nullRefundLine.FieldErrors.ContainsKey("lines")));
        Assert.Equal((HttpStatusCode.BadRequest, true), (ancient.Status, ancient.FieldErrors.ContainsKey("from")));
        Assert.Equal((HttpStatusCode.BadRequest, true), (endOfTime.Status, endOfTime.FieldErrors.ContainsKey("to")));
        Assert.Equal((HttpStatusCode.BadRequest, true), (hugePrice.Status, hugePrice.FieldErrors.ContainsKey("minPrice") && hugePrice.FieldErrors.ContainsKey("maxPrice")));
        Assert.Equal(1, (await new OrdersApi(buyer).Mine()).Body.TotalCount);
    }

    private static async Task<Reply<object>> PostAsync(HttpClient client, string url, string json)
    {
        using var content = new StringContent(json, Encoding.UTF8, "application/json");
        return await Reply<object>.ReadAsync(await client.PostAsync(new Uri(url, UriKind.Relative), content));
    }
}
