using RuralCommerce.Access.Contracts;
using RuralCommerce.Orders.Domain.Logistics;
using RuralCommerce.Orders.Persistence;
using RuralCommerce.Shared.Infrastructure.Inbox;

namespace RuralCommerce.Orders.Features.AccessSync;

/// <summary>Who exists: an account that proved its phone can be appointed a logistics centre's operator.</summary>
internal sealed class VerifiedAccountHandler(OrdersDbContext db, TimeProvider clock)
    : IntegrationEventHandler<PhoneVerifiedIntegrationEvent, OrdersDbContext>(db, clock)
{
    protected override async Task HandleAsync(PhoneVerifiedIntegrationEvent e, CancellationToken cancellationToken)
    {
        if (await Context.VerifiedAccounts.FindAsync([e.AccountId], cancellationToken) is null)
        {
            Context.VerifiedAccounts.Add(new VerifiedAccount(e.AccountId));
        }
    }
}
