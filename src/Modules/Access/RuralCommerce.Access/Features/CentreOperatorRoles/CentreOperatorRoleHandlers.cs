using Microsoft.EntityFrameworkCore;
using RuralCommerce.Access.Domain.Accounts;
using RuralCommerce.Access.Persistence;
using RuralCommerce.Orders.Contracts;
using RuralCommerce.Shared.Infrastructure.Inbox;
using RuralCommerce.Shared.Infrastructure.Security;

namespace RuralCommerce.Access.Features.CentreOperatorRoles;

// An operator's centres travel in the token as roles (logistics-operator:{centreId}), from Orders' appointments, so
// that the pages can lead an operator to the queue. Orders still decides who may work a queue from its own records.

internal sealed class CentreOperatorAppointedHandler(AccessDbContext db, TimeProvider clock)
    : IntegrationEventHandler<CentreOperatorAppointedIntegrationEvent, AccessDbContext>(db, clock)
{
    protected override async Task HandleAsync(CentreOperatorAppointedIntegrationEvent integrationEvent, CancellationToken cancellationToken)
    {
        var account = await Context.Accounts.SingleOrDefaultAsync(a => a.Id == AccountId.From(integrationEvent.AccountId), cancellationToken);
        account?.GrantPlatformRole(PlatformRoles.LogisticsOperatorOf(integrationEvent.CentreId));
    }
}

internal sealed class CentreOperatorDismissedHandler(AccessDbContext db, TimeProvider clock)
    : IntegrationEventHandler<CentreOperatorDismissedIntegrationEvent, AccessDbContext>(db, clock)
{
    protected override async Task HandleAsync(CentreOperatorDismissedIntegrationEvent integrationEvent, CancellationToken cancellationToken)
    {
        var account = await Context.Accounts.SingleOrDefaultAsync(a => a.Id == AccountId.From(integrationEvent.AccountId), cancellationToken);
        account?.RevokePlatformRole(PlatformRoles.LogisticsOperatorOf(integrationEvent.CentreId));
    }
}
