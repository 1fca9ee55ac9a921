using System.Diagnostics.Metrics;

namespace RuralCommerce.Orders.Features.Common;

/// <summary>What an operator watches during a livestream: the order rate and the orders stock turned away.</summary>
internal static class OrdersMetrics
{
    private static readonly Meter Meter = new("RuralCommerce.Orders");

    private static readonly Counter<long> Placed = Meter.CreateCounter<long>(
        "ruralcommerce.orders.placed", "{order}", "Orders placed (stock reserved)");

    private static readonly Counter<long> Rejected = Meter.CreateCounter<long>(
        "ruralcommerce.orders.rejected", "{order}", "Orders turned away because the stock or a livestream's cap ran out");

    public static void OrderPlaced(bool livestream) => Placed.Add(1, new KeyValuePair<string, object?>("channel", livestream ? "livestream" : "shop"));

    public static void OrderRejected(string reason) => Rejected.Add(1, new KeyValuePair<string, object?>("reason", reason));
}
