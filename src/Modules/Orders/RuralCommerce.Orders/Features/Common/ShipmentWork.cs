using Microsoft.EntityFrameworkCore;
using RuralCommerce.Orders.Domain.Orders;
using RuralCommerce.Orders.Persistence;
using RuralCommerce.Shared.Infrastructure.Web;
using RuralCommerce.SharedKernel;

namespace RuralCommerce.Orders.Features.Common;

/// <summary>
/// A shipment as the people who move it see it (the seller packing, the centre's operator delivering): its lines, and
/// the full address for the label.
/// </summary>
internal sealed record ShipmentTaskResponse(
    Guid OrderId, string PaymentMethod, DateTimeOffset PlacedAt, ShipmentResponse Shipment, IReadOnlyList<OrderLineResponse> Lines, DeliveryResponse Delivery);

/// <summary>Loads, changes and saves the order a shipment belongs to; lists shipments as work to do.</summary>
internal static class ShipmentWork
{
    /// <summary>
    /// Applies <paramref name="change"/> to the order holding the shipment (404 unless <paramref name="visible"/> lets the
    /// caller see it) and saves; the order's version turns two simultaneous steps into one success and one 409.
    /// </summary>
    public static async Task<ShipmentTaskResponse> ChangeAsync(
        OrdersDbContext db, Guid shipmentId, Func<Shipment, bool> visible, Action<Order> change, CancellationToken cancellationToken)
    {
        var order = await db.Orders.WholeOrders().SingleOrDefaultAsync(o => o.Shipments.Any(s => s.Id == shipmentId), cancellationToken);
        var shipment = order?.Shipments.Single(s => s.Id == shipmentId);
        if (order is null || !visible(shipment!))
        {
            throw new NotFoundException("Shipment", shipmentId);
        }

        change(order);
        await db.SaveChangesAsync(cancellationToken);
        return ToTask(order, shipment!);
    }

    /// <summary>One page of a queue's shipments: oldest order first, delivered ones newest delivery first.</summary>
    public static async Task<PagedResult<ShipmentTaskResponse>> ListAsync(
        OrdersDbContext db, ShipmentQueue queue, ShipmentStatus? status, PageRequest paging, CancellationToken cancellationToken)
    {
        // Only what can ship is work: an unpaid order waits for its money, a cancelled one never ships.
        var rows = db.Orders.Where(o => o.Status != OrderStatus.Placed && o.Status != OrderStatus.Cancelled)
            .SelectMany(o => o.Shipments, (o, s) => new { OrderId = o.Id, o.PlacedAt, Shipment = s });
        rows = queue.CooperativeId is { } cooperativeId ? rows.Where(r => r.Shipment.CooperativeId == cooperativeId) : rows;
        rows = queue.SellerId is { } sellerId ? rows.Where(r => r.Shipment.SellerId == sellerId) : rows;
        rows = queue.CentreId is { } centreId ? rows.Where(r => r.Shipment.LogisticsCentreId == centreId) : rows;
        rows = status is { } s ? rows.Where(r => r.Shipment.Status == s) : rows;
        var total = await rows.CountAsync(cancellationToken);
        // Work is done in the order it came; what is done reads newest first.
        var ordered = status == ShipmentStatus.Delivered
            ? rows.OrderByDescending(r => r.Shipment.DeliveredAt).ThenBy(r => r.Shipment.Id)
            : rows.OrderBy(r => r.PlacedAt).ThenBy(r => r.Shipment.Id);
        var page = await ordered.Skip(paging.Skip).Take(paging.PageSize)
            .Select(r => new { r.OrderId, ShipmentId = r.Shipment.Id }).ToListAsync(cancellationToken);
        var orderIds = page.Select(p => p.OrderId).Distinct().ToList();
        var orders = await db.Orders.Where(o => orderIds.Contains(o.Id)).Include(o => o.Lines).Include(o => o.Shipments).AsSplitQuery().AsNoTracking()
            .ToDictionaryAsync(o => o.Id, cancellationToken);
        var items = page.Select(p => ToTask(orders[p.OrderId], orders[p.OrderId].Shipments.Single(s => s.Id == p.ShipmentId))).ToList();
        return new PagedResult<ShipmentTaskResponse>(items, paging.Page, paging.PageSize, total);
    }

    public static ShipmentStatus? StatusFilter(string? status, ValidationErrors errors) =>
        status is null ? null : errors.RequireName<ShipmentStatus>(status, "status");

    private static ShipmentTaskResponse ToTask(Order order, Shipment shipment) => new(
        order.Id.Value, order.PaymentMethod.ToString(), order.PlacedAt, shipment.ToResponse(),
        order.Lines.Where(l => l.SellerId == shipment.SellerId && l.CooperativeId == shipment.CooperativeId).Select(l => l.ToResponse()).ToList(),
        OrderResponses.Full(order.Delivery));
}

/// <summary>Whose shipments: a seller's in a cooperative, or a logistics centre's.</summary>
internal sealed record ShipmentQueue(Guid? CooperativeId = null, Guid? SellerId = null, Guid? CentreId = null);
