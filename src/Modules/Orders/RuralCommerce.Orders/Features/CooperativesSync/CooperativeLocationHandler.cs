using RuralCommerce.Cooperatives.Contracts;
using RuralCommerce.Orders.Domain.Logistics;
using RuralCommerce.Orders.Persistence;
using RuralCommerce.Shared.Infrastructure.Inbox;

namespace RuralCommerce.Orders.Features.CooperativesSync;

/// <summary>Where a cooperative is: its sellers' parcels go through its county's logistics centre.</summary>
internal sealed class CooperativeLocationHandler(OrdersDbContext db, TimeProvider clock)
    : IntegrationEventHandler<CooperativeRegisteredIntegrationEvent, OrdersDbContext>(db, clock)
{
    protected override async Task HandleAsync(CooperativeRegisteredIntegrationEvent e, CancellationToken cancellationToken)
    {
        if (await Context.CooperativeLocations.FindAsync([e.CooperativeId], cancellationToken) is null)
        {
            Context.CooperativeLocations.Add(new CooperativeLocation(e.CooperativeId, e.Province, e.County));
        }
    }
}
