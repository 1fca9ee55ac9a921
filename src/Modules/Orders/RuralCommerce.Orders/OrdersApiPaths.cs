using RuralCommerce.Shared.Infrastructure.Web;

namespace RuralCommerce.Orders;

/// <summary>Every route the module maps, relative to <see cref="Root"/>; endpoints map them and tests fill them.</summary>
internal static class OrdersApiPaths
{
    public const string Root = "/api/orders";

    public const string Orders = "/";
    public const string Mine = "/mine";
    public const string Order = "/{orderId:guid}";
    public const string CancelOrder = Order + "/cancel";
    public const string PayOrder = Order + "/pay";
    public const string PaymentCallback = "/payments/callback";
    public const string Cart = "/cart";
    public const string CartLine = Cart + "/{productId:guid}";
    public const string Checkout = Cart + "/checkout";
    public const string Addresses = "/addresses";
    public const string Address = Addresses + "/{addressId:guid}";
    public const string CooperativeOrders = "/cooperatives/{cooperativeId:guid}";
    public const string ConfirmReceipt = Order + "/confirm-receipt";
    public const string SellerShipments = CooperativeOrders + "/shipments";
    public const string PackShipment = SellerShipments + "/{shipmentId:guid}/pack";
    public const string ShipShipment = SellerShipments + "/{shipmentId:guid}/ship";
    public const string RefundRequests = Order + "/refund-requests";
    public const string CooperativeRefunds = CooperativeOrders + "/refund-requests";
    public const string ApproveRefund = CooperativeRefunds + "/{requestId:guid}/approve";
    public const string RejectRefund = CooperativeRefunds + "/{requestId:guid}/reject";
    public const string RecordReturn = CooperativeRefunds + "/{requestId:guid}/returns/{productId:guid}";
    public const string AwaitedReturns = CooperativeOrders + "/returns";
    public const string PlatformImports = CooperativeOrders + "/imports";
    public const string LiveTally = CooperativeOrders + "/livestreams/{livestreamId:guid}/tally";
    public const string LiveTallyStream = LiveTally + "/stream";
    public const string LogisticsCentres = "/logistics-centres";
    public const string PaymentSettings = CooperativeOrders + "/payment-settings";
    public const string LogisticsCentre = LogisticsCentres + "/{centreId:guid}";
    public const string CentreOperator = LogisticsCentre + "/operators/{accountId:guid}";
    public const string CentreQueue = LogisticsCentre + "/shipments";
    public const string ReceiveShipment = CentreQueue + "/{shipmentId:guid}/receive";
    public const string DispatchShipment = CentreQueue + "/{shipmentId:guid}/dispatch";
    public const string DeliverShipment = CentreQueue + "/{shipmentId:guid}/deliver";

    /// <summary>The live tally's event stream for the host's page, outside /api so the page's cookie signs it in.</summary>
    public const string LiveTallyEvents = "/cooperatives/{cooperativeId:guid}/livestreams/{livestreamId:guid}/tally/events";

    public static string Url(string route, params object[] values) => Root + RouteTemplate.Fill(route, values);
}
