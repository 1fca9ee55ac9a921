using Microsoft.EntityFrameworkCore;
using RuralCommerce.Cooperatives.Domain.Cooperatives;
using RuralCommerce.Cooperatives.Persistence;
using RuralCommerce.Orders.Contracts;
using RuralCommerce.Shared.Infrastructure.Inbox;

namespace RuralCommerce.Cooperatives.Features.OrdersSync;

// Which of a cooperative's orders are still open, from Orders' notifications (delivered in order per order): placed
// opens one per cooperative selling in it, completed or cancelled closes them. The inbox drops a second delivery; the
// (cooperative, order) key and the existence checks make a second copy of the same fact harmless too.

internal sealed class OrderPlacedOpensHandler(CooperativesDbContext db, TimeProvider clock)
    : IntegrationEventHandler<OrderPlacedIntegrationEvent, CooperativesDbContext>(db, clock)
{
    protected override async Task HandleAsync(OrderPlacedIntegrationEvent integrationEvent, CancellationToken cancellationToken)
    {
        var known = await Context.OpenOrders.Where(o => o.OrderId == integrationEvent.OrderId).Select(o => o.CooperativeId).ToListAsync(cancellationToken);
        foreach (var cooperativeId in integrationEvent.Lines.Select(l => CooperativeId.From(l.CooperativeId)).Distinct().Except(known))
        {
            Context.OpenOrders.Add(OpenOrder.Of(cooperativeId, integrationEvent.OrderId, integrationEvent.PlacedAt));
        }
    }
}

internal sealed class OrderCompletedClosesHandler(CooperativesDbContext db, TimeProvider clock)
    : IntegrationEventHandler<OrderCompletedIntegrationEvent, CooperativesDbContext>(db, clock)
{
    protected override Task HandleAsync(OrderCompletedIntegrationEvent integrationEvent, CancellationToken cancellationToken) =>
        Context.CloseAsync(integrationEvent.OrderId, cancellationToken);
}

internal sealed class OrderCancelledClosesHandler(CooperativesDbContext db, TimeProvider clock)
    : IntegrationEventHandler<OrderCancelledIntegrationEvent, CooperativesDbContext>(db, clock)
{
    protected override Task HandleAsync(OrderCancelledIntegrationEvent integrationEvent, CancellationToken cancellationToken) =>
        Context.CloseAsync(integrationEvent.OrderId, cancellationToken);
}

internal static class OpenOrders
{
    public static async Task CloseAsync(this CooperativesDbContext db, Guid orderId, CancellationToken cancellationToken) =>
        db.OpenOrders.RemoveRange(await db.OpenOrders.Where(o => o.OrderId == orderId).ToListAsync(cancellationToken));
}
