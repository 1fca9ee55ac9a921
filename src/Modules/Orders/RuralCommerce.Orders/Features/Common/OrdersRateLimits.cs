namespace RuralCommerce.Orders.Features.Common;

internal static class OrdersRateLimits
{
    /// <summary>Placing an order, from the request or from the cart: a few at once per host, the rest queued (<see cref="OrdersOptions.PlacementConcurrency"/>).</summary>
    public const string Placement = "orders-placement";
}
