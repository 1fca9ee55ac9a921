using Microsoft.EntityFrameworkCore;
using RuralCommerce.Orders.Domain.Orders;

namespace RuralCommerce.Orders.Persistence;

internal static class OrderQueries
{
    /// <summary>Orders with everything they own (lines, history, payments, refunds, shipments, refund requests), one query per collection.</summary>
    public static IQueryable<Order> WholeOrders(this IQueryable<Order> orders) =>
        orders.Include(o => o.Lines).Include(o => o.Transitions).Include(o => o.Payments).Include(o => o.Refunds).Include(o => o.Shipments)
            .Include(o => o.RefundRequests)
            .AsSplitQuery();
}
