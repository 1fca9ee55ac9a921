using Microsoft.EntityFrameworkCore;
using RuralCommerce.Orders.Domain.Orders;
using RuralCommerce.SharedKernel;

namespace RuralCommerce.Orders.Persistence;

internal static class OrderQueries
{
    /// <summary>Orders with everything they own (lines, history, payments, refunds, shipments, refund requests), one query per collection.</summary>
    public static IQueryable<Order> WholeOrders(this IQueryable<Order> orders) =>
        orders.Include(o => o.Lines).Include(o => o.Transitions).Include(o => o.Payments).Include(o => o.Refunds).Include(o => o.Shipments)
            .Include(o => o.RefundRequests)
            .AsSplitQuery();

    /// <summary>One of the buyer's own orders, whole; another buyer's order is 404, as if it did not exist.</summary>
    public static async Task<Order> BuyersOrderAsync(this IQueryable<Order> orders, Guid orderId, Guid buyer, CancellationToken cancellationToken) =>
        await orders.WholeOrders().SingleOrDefaultAsync(o => o.Id == new OrderId(orderId) && o.BuyerAccountId == buyer, cancellationToken)
        ?? throw new NotFoundException("Order", orderId);
}
