using System.Text.Json;
using RuralCommerce.Orders.Features.AddressBook;
using RuralCommerce.Orders.Features.AskForRefund;
using RuralCommerce.Orders.Features.Cart;
using RuralCommerce.Orders.Features.CentreQueue;
using RuralCommerce.Orders.Features.Common;
using RuralCommerce.Orders.Features.CooperativeOrders;
using RuralCommerce.Orders.Features.ImportPlatformOrders;
using RuralCommerce.Orders.Features.LiveTally;
using RuralCommerce.Orders.Features.LogisticsCentres;
using RuralCommerce.Orders.Features.Payments;
using RuralCommerce.Orders.Features.PaymentSettings;
using RuralCommerce.Orders.Features.PlaceOrder;
using RuralCommerce.Orders.Features.RefundDecisions;
using RuralCommerce.Orders.Features.SellerShipments;
using RuralCommerce.Shared.Infrastructure.Web;
using Paths = RuralCommerce.Orders.OrdersApiPaths;

namespace RuralCommerce.TestSupport.Orders;

/// <summary>The Orders API as one buyer (or a cooperative administrator) uses it.</summary>
internal sealed class OrdersApi(HttpClient http) : ApiClient(http)
{
    public Task<Reply<OrderResponse>> Place(PlaceOrderRequest order, string? idempotencyKey = null) =>
        PostAsync<OrderResponse>(Paths.Url(Paths.Orders), order, idempotencyKey);

    public Task<Reply<OrderResponse>> Get(Guid orderId) => GetAsync<OrderResponse>(Paths.Url(Paths.Order, orderId));

    public Task<Reply<OrderResponse>> Cancel(Guid orderId) => PostAsync<OrderResponse>(Paths.Url(Paths.CancelOrder, orderId));

    public Task<Reply<PaymentSessionResponse>> Pay(Guid orderId, string? idempotencyKey = null) =>
        PostAsync<PaymentSessionResponse>(Paths.Url(Paths.PayOrder, orderId), null, idempotencyKey);

    public Task<Reply<PagedResult<OrderResponse>>> Mine() => GetAsync<PagedResult<OrderResponse>>(Paths.Url(Paths.Mine));

    public Task<Reply<PaymentSettingsResponse>> PaymentSettings(Guid cooperativeId) =>
        GetAsync<PaymentSettingsResponse>(Paths.Url(Paths.PaymentSettings, cooperativeId));

    public Task<Reply<PaymentSettingsResponse>> RecordPaymentSettings(Guid cooperativeId, string? weChatPay, string? alipay) =>
        PutAsync<PaymentSettingsResponse>(Paths.Url(Paths.PaymentSettings, cooperativeId), new PaymentSettingsRequest(weChatPay, alipay));

    public Task<Reply<CartResponse>> Cart() => GetAsync<CartResponse>(Paths.Url(Paths.Cart));

    public Task<Reply<CartResponse>> PutInCart(Guid productId, decimal quantity) =>
        PutAsync<CartResponse>(Paths.Url(Paths.CartLine, productId), new CartQuantityRequest(quantity));

    public Task<Reply<CartResponse>> TakeFromCart(Guid productId) => DeleteAsync<CartResponse>(Paths.Url(Paths.CartLine, productId));

    public Task<Reply<CheckoutResponse>> Checkout(CheckoutRequest request, string? idempotencyKey = null) =>
        PostAsync<CheckoutResponse>(Paths.Url(Paths.Checkout), request, idempotencyKey);

    public Task<Reply<IReadOnlyList<SavedAddressResponse>>> Addresses() => GetAsync<IReadOnlyList<SavedAddressResponse>>(Paths.Url(Paths.Addresses));

    public Task<Reply<SavedAddressResponse>> SaveAddress(DeliveryRequest address, bool isDefault = false) =>
        PostAsync<SavedAddressResponse>(Paths.Url(Paths.Addresses), new SaveAddressRequest(address, isDefault));

    public Task<Reply<SavedAddressResponse>> Address(Guid addressId) => GetAsync<SavedAddressResponse>(Paths.Url(Paths.Address, addressId));

    public Task<Reply<SavedAddressResponse>> ChangeAddress(Guid addressId, DeliveryRequest address, bool isDefault = false) =>
        PutAsync<SavedAddressResponse>(Paths.Url(Paths.Address, addressId), new SaveAddressRequest(address, isDefault));

    public Task<Reply<object>> DeleteAddress(Guid addressId) => DeleteAsync<object>(Paths.Url(Paths.Address, addressId));

    public Task<Reply<PagedResult<CooperativeOrderResponse>>> CooperativeOrders(Guid cooperativeId, string query = "") =>
        GetAsync<PagedResult<CooperativeOrderResponse>>(Paths.Url(Paths.CooperativeOrders, cooperativeId) + query);

    public Task<Reply<OrderResponse>> ConfirmReceipt(Guid orderId) => PostAsync<OrderResponse>(Paths.Url(Paths.ConfirmReceipt, orderId));

    public Task<Reply<PagedResult<ShipmentTaskResponse>>> SellerShipments(Guid cooperativeId, string query = "") =>
        GetAsync<PagedResult<ShipmentTaskResponse>>(Paths.Url(Paths.SellerShipments, cooperativeId) + query);

    public Task<Reply<ShipmentTaskResponse>> Pack(Guid cooperativeId, Guid shipmentId) =>
        PostAsync<ShipmentTaskResponse>(Paths.Url(Paths.PackShipment, cooperativeId, shipmentId));

    public Task<Reply<ShipmentTaskResponse>> Ship(Guid cooperativeId, Guid shipmentId, ShipRequest request) =>
        PostAsync<ShipmentTaskResponse>(Paths.Url(Paths.ShipShipment, cooperativeId, shipmentId), request);

    public Task<Reply<LogisticsCentreResponse>> RegisterCentre(RegisterCentreRequest request) =>
        PostAsync<LogisticsCentreResponse>(Paths.Url(Paths.LogisticsCentres), request);

    public Task<Reply<List<LogisticsCentreResponse>>> Centres() => GetAsync<List<LogisticsCentreResponse>>(Paths.Url(Paths.LogisticsCentres));

    public Task<Reply<LogisticsCentreResponse>> Appoint(Guid centreId, Guid accountId) =>
        PutAsync<LogisticsCentreResponse>(Paths.Url(Paths.CentreOperator, centreId, accountId), null);

    /// <summary>Appoints a just-verified account once Orders has heard of it (Access tells it through the outbox).</summary>
    public async Task<Reply<LogisticsCentreResponse>> AppointOnceKnownAsync(Guid centreId, Guid accountId)
    {
        Reply<LogisticsCentreResponse>? appointed = null;
        await Eventually.HoldsAsync(async () => (appointed = await Appoint(centreId, accountId)).Status != System.Net.HttpStatusCode.NotFound,
            "Orders knows the verified account");
        return appointed!;
    }

    public Task<Reply<LogisticsCentreResponse>> Dismiss(Guid centreId, Guid accountId) =>
        DeleteAsync<LogisticsCentreResponse>(Paths.Url(Paths.CentreOperator, centreId, accountId));

    public Task<Reply<PagedResult<ShipmentTaskResponse>>> CentreQueue(Guid centreId, string query = "") =>
        GetAsync<PagedResult<ShipmentTaskResponse>>(Paths.Url(Paths.CentreQueue, centreId) + query);

    public Task<Reply<ShipmentTaskResponse>> Receive(Guid centreId, Guid shipmentId) =>
        PostAsync<ShipmentTaskResponse>(Paths.Url(Paths.ReceiveShipment, centreId, shipmentId));

    public Task<Reply<ShipmentTaskResponse>> Dispatch(Guid centreId, Guid shipmentId) =>
        PostAsync<ShipmentTaskResponse>(Paths.Url(Paths.DispatchShipment, centreId, shipmentId));

    public Task<Reply<ShipmentTaskResponse>> Deliver(Guid centreId, Guid shipmentId, decimal? cashCollected = null) =>
        PostAsync<ShipmentTaskResponse>(Paths.Url(Paths.DeliverShipment, centreId, shipmentId), new DeliverRequest(cashCollected));

    public Task<Reply<RefundRequestResponse>> AskForRefund(Guid orderId, AskForRefundRequest request) =>
        PostAsync<RefundRequestResponse>(Paths.Url(Paths.RefundRequests, orderId), request);

    public Task<Reply<PagedResult<RefundRequestResponse>>> RefundRequests(Guid cooperativeId, string query = "") =>
        GetAsync<PagedResult<RefundRequestResponse>>(Paths.Url(Paths.CooperativeRefunds, cooperativeId) + query);

    public Task<Reply<RefundRequestResponse>> ApproveRefund(Guid cooperativeId, Guid requestId) =>
        PostAsync<RefundRequestResponse>(Paths.Url(Paths.ApproveRefund, cooperativeId, requestId), new RefundDecisionRequest());

    public Task<Reply<RefundRequestResponse>> RejectRefund(Guid cooperativeId, Guid requestId, string? note) =>
        PostAsync<RefundRequestResponse>(Paths.Url(Paths.RejectRefund, cooperativeId, requestId), new RefundDecisionRequest(note));

    public Task<Reply<List<RefundRequestResponse>>> AwaitedReturns(Guid cooperativeId) =>
        GetAsync<List<RefundRequestResponse>>(Paths.Url(Paths.AwaitedReturns, cooperativeId));

    public Task<Reply<RefundRequestResponse>> RecordReturn(Guid cooperativeId, Guid requestId, Guid productId) =>
        PostAsync<RefundRequestResponse>(Paths.Url(Paths.RecordReturn, cooperativeId, requestId, productId));

    public Task<Reply<ImportReport>> Import(Guid cooperativeId, string platform, byte[] csv)
    {
        var form = new MultipartFormDataContent { { new StringContent(platform), "platform" } };
        var file = new ByteArrayContent(csv);
        file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("text/csv");
        form.Add(file, "file", "orders.csv");
        return PostContentAsync<ImportReport>(Paths.Url(Paths.PlatformImports, cooperativeId), form);
    }

    public Task<Reply<LiveTallyResponse>> LiveTally(Guid cooperativeId, Guid livestreamId) =>
        GetAsync<LiveTallyResponse>(Paths.Url(Paths.LiveTally, cooperativeId, livestreamId));

    public static DeliveryRequest Home(string recipient = "Zhao Lei") =>
        new(recipient, "+8613800138000", "Hubei", "Xiaonan", "Zhuhe", "Zhuhe", "No. 3, East Lane");

    public static PlaceOrderRequest Buy(Guid productId, decimal quantity, string paymentMethod = "WeChatPay", Guid? livestreamId = null) =>
        new([new OrderLineRequest(productId, quantity)], Home(), paymentMethod, LivestreamId: livestreamId);
}

/// <summary>Plays the payment provider: posts callbacks signed with the host's development key (or a forged one).</summary>
internal sealed class PaymentProvider(ApiFactory factory)
{
    private readonly HttpClient _http = factory.CreateClient();

    public async Task<Reply<PaymentNoticeResponse>> NotifyAsync(Guid orderId, string transactionId, long amountFen, string? signature = null)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(new { orderId, transactionId, amountFen }, JsonSerializerOptions.Web);
        var gateway = (DevelopmentPaymentGateway)factory.Services.GetService(typeof(DevelopmentPaymentGateway))!;
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(Paths.Url(Paths.PaymentCallback), UriKind.Relative))
        {
            Content = new ByteArrayContent(body) { Headers = { { "Content-Type", "application/json" } } },
        };
        request.Headers.Add(DevelopmentPaymentGateway.SignatureHeader, signature ?? gateway.Sign(body));
        using var response = await _http.SendAsync(request);
        return await Reply<PaymentNoticeResponse>.ReadAsync(response);
    }

    /// <summary>Well-formed, but not made with the provider's key.</summary>
    public static string Forged { get; } = new('a', 64);
}
