using RuralCommerce.Orders.Features.Common;
using RuralCommerce.Orders.Features.PlaceOrder;
using RuralCommerce.Shared.Infrastructure.Web;
using Paths = RuralCommerce.Orders.OrdersApiPaths;

namespace RuralCommerce.TestSupport.Orders;

/// <summary>The Orders API as one buyer uses it.</summary>
internal sealed class OrdersApi(HttpClient http) : ApiClient(http)
{
    public Task<Reply<OrderResponse>> Place(PlaceOrderRequest order, string? idempotencyKey = null) =>
        PostAsync<OrderResponse>(Paths.Url(Paths.Orders), order, idempotencyKey);

    public Task<Reply<OrderResponse>> Get(Guid orderId) => GetAsync<OrderResponse>(Paths.Url(Paths.Order, orderId));

    public Task<Reply<OrderResponse>> Cancel(Guid orderId) => PostAsync<OrderResponse>(Paths.Url(Paths.CancelOrder, orderId));

    public Task<Reply<PagedResult<OrderResponse>>> Mine() => GetAsync<PagedResult<OrderResponse>>(Paths.Url(Paths.Mine));

    public static DeliveryRequest Home(string recipient = "Zhao Lei") =>
        new(recipient, "+8613800138000", "Hubei", "Xiaonan", "Zhuhe", "Zhuhe", "No. 3, East Lane");

    public static PlaceOrderRequest Buy(Guid productId, decimal quantity, string paymentMethod = "WeChatPay") =>
        new([new OrderLineRequest(productId, quantity)], Home(), paymentMethod);
}
