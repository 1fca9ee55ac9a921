using Microsoft.EntityFrameworkCore;
using RuralCommerce.Access.Domain.Memberships;
using RuralCommerce.Access.Persistence;
using RuralCommerce.Cooperatives.Contracts;
using RuralCommerce.Shared.Infrastructure.Inbox;
using RuralCommerce.SharedKernel;

namespace RuralCommerce.Access.Features.MembershipSync;

// Access keeps its own copy of memberships, fed by the Cooperatives module; the copy becomes claims at sign-in.

internal sealed class MemberJoinedHandler(AccessDbContext db, TimeProvider clock)
    : IntegrationEventHandler<MemberJoinedIntegrationEvent, AccessDbContext>(db, clock)
{
    protected override async Task HandleAsync(MemberJoinedIntegrationEvent integrationEvent, CancellationToken cancellationToken)
    {
        var now = Clock.GetUtcNow();
        var phone = PhoneNumber.FromStored(integrationEvent.Phone);
        var membership = await Context.Memberships.SingleOrDefaultAsync(m => m.MemberId == integrationEvent.MemberId, cancellationToken);
        if (membership is null)
        {
            membership = Membership.Joined(integrationEvent.CooperativeId, integrationEvent.MemberId, phone, integrationEvent.Roles, now);
            Context.Memberships.Add(membership);
        }

        // Only an account that proved it owns the member's number gets the membership, whatever the event claims.
        var owner = await Context.Accounts.SingleOrDefaultAsync(a => a.Phone == phone, cancellationToken);
        if (owner is not null)
        {
            membership.TryLinkTo(owner, now);
        }
    }
}

internal sealed class MemberRoleGrantedHandler(AccessDbContext db, TimeProvider clock)
    : IntegrationEventHandler<MemberRoleGrantedIntegrationEvent, AccessDbContext>(db, clock)
{
    protected override async Task HandleAsync(MemberRoleGrantedIntegrationEvent integrationEvent, CancellationToken cancellationToken) =>
        (await Context.Memberships.FindRequiredAsync(integrationEvent.MemberId, cancellationToken)).Grant(integrationEvent.Role, Clock.GetUtcNow());
}

internal sealed class MemberRoleRevokedHandler(AccessDbContext db, TimeProvider clock)
    : IntegrationEventHandler<MemberRoleRevokedIntegrationEvent, AccessDbContext>(db, clock)
{
    protected override async Task HandleAsync(MemberRoleRevokedIntegrationEvent integrationEvent, CancellationToken cancellationToken) =>
        (await Context.Memberships.FindRequiredAsync(integrationEvent.MemberId, cancellationToken)).Revoke(integrationEvent.Role, Clock.GetUtcNow());
}

internal sealed class MemberSuspendedHandler(AccessDbContext db, TimeProvider clock)
    : IntegrationEventHandler<MemberSuspendedIntegrationEvent, AccessDbContext>(db, clock)
{
    protected override async Task HandleAsync(MemberSuspendedIntegrationEvent integrationEvent, CancellationToken cancellationToken) =>
        (await Context.Memberships.FindRequiredAsync(integrationEvent.MemberId, cancellationToken)).ChangeStatus(MembershipStatus.Suspended, Clock.GetUtcNow());
}

internal sealed class MemberReinstatedHandler(AccessDbContext db, TimeProvider clock)
    : IntegrationEventHandler<MemberReinstatedIntegrationEvent, AccessDbContext>(db, clock)
{
    protected override async Task HandleAsync(MemberReinstatedIntegrationEvent integrationEvent, CancellationToken cancellationToken) =>
        (await Context.Memberships.FindRequiredAsync(integrationEvent.MemberId, cancellationToken)).ChangeStatus(MembershipStatus.Active, Clock.GetUtcNow());
}

internal sealed class MemberLeftHandler(AccessDbContext db, TimeProvider clock)
    : IntegrationEventHandler<MemberLeftIntegrationEvent, AccessDbContext>(db, clock)
{
    protected override async Task HandleAsync(MemberLeftIntegrationEvent integrationEvent, CancellationToken cancellationToken) =>
        (await Context.Memberships.FindRequiredAsync(integrationEvent.MemberId, cancellationToken)).ChangeStatus(MembershipStatus.Left, Clock.GetUtcNow());
}

internal static class MembershipQueries
{
    /// <summary>Events of one member arrive in order; a missing membership is a failure to retry, not to ignore.</summary>
    public static async Task<Membership> FindRequiredAsync(this DbSet<Membership> memberships, Guid memberId, CancellationToken cancellationToken) =>
        await memberships.SingleOrDefaultAsync(m => m.MemberId == memberId, cancellationToken)
        ?? throw new InvalidOperationException($"Membership {memberId} is not known yet.");
}
