using Microsoft.EntityFrameworkCore;
using RuralCommerce.Access.Contracts;
using RuralCommerce.Cooperatives.Contracts;
using RuralCommerce.Shared.Infrastructure.Inbox;
using RuralCommerce.SharedKernel;
using RuralCommerce.Training.Domain.People;
using RuralCommerce.Training.Persistence;

namespace RuralCommerce.Training.Features.PeopleSync;

// Training knows people by phone before they have an account: a trainer enrols farmers by name and number. Access
// tells it when an account proves a number (the enrolments become the account's); Cooperatives tells it who is a
// member (learners carry their member id, which is what Income Tracking compares) and who holds the Trainer role.

internal sealed class PhoneVerifiedHandler(TrainingDbContext db, TimeProvider clock)
    : IntegrationEventHandler<PhoneVerifiedIntegrationEvent, TrainingDbContext>(db, clock)
{
    protected override async Task HandleAsync(PhoneVerifiedIntegrationEvent e, CancellationToken cancellationToken)
    {
        var phone = PhoneNumber.FromStored(e.Phone);
        if (!await Context.VerifiedAccounts.AnyAsync(a => a.AccountId == e.AccountId, cancellationToken))
        {
            Context.VerifiedAccounts.Add(VerifiedAccount.Of(e.AccountId, phone));
        }

        var unlinked = await Context.Enrolments.Where(x => x.Phone == phone && x.AccountId == null).ToListAsync(cancellationToken);
        unlinked.ForEach(x => x.LinkAccount(e.AccountId));
    }
}

internal sealed class CooperativeRegisteredHandler(TrainingDbContext db, TimeProvider clock)
    : IntegrationEventHandler<CooperativeRegisteredIntegrationEvent, TrainingDbContext>(db, clock)
{
    protected override async Task HandleAsync(CooperativeRegisteredIntegrationEvent e, CancellationToken cancellationToken)
    {
        if (!await Context.Cooperatives.AnyAsync(c => c.Id == e.CooperativeId, cancellationToken))
        {
            Context.Cooperatives.Add(Cooperative.Registered(e.CooperativeId, e.Name));
        }
    }
}

internal sealed class MemberJoinedHandler(TrainingDbContext db, TimeProvider clock)
    : IntegrationEventHandler<MemberJoinedIntegrationEvent, TrainingDbContext>(db, clock)
{
    protected override async Task HandleAsync(MemberJoinedIntegrationEvent e, CancellationToken cancellationToken)
    {
        if (await Context.Members.AnyAsync(m => m.Id == e.MemberId, cancellationToken))
        {
            return;
        }

        var phone = PhoneNumber.FromStored(e.Phone);
        Context.Members.Add(Member.Joined(e.CooperativeId, e.MemberId, e.Name, phone, e.Village, e.Roles.Contains(MemberRoles.Trainer)));
        var learners = await Context.Enrolments.Where(x => x.Phone == phone && x.MemberId == null).ToListAsync(cancellationToken);
        learners.ForEach(x => x.LinkMember(e.MemberId, e.CooperativeId));
    }
}

internal sealed class MemberRoleGrantedHandler(TrainingDbContext db, TimeProvider clock)
    : IntegrationEventHandler<MemberRoleGrantedIntegrationEvent, TrainingDbContext>(db, clock)
{
    protected override async Task HandleAsync(MemberRoleGrantedIntegrationEvent e, CancellationToken cancellationToken)
    {
        if (e.Role == MemberRoles.Trainer)
        {
            (await Context.FindRequiredMemberAsync(e.MemberId, cancellationToken)).SetTrainer(true);
        }
    }
}

internal sealed class MemberRoleRevokedHandler(TrainingDbContext db, TimeProvider clock)
    : IntegrationEventHandler<MemberRoleRevokedIntegrationEvent, TrainingDbContext>(db, clock)
{
    protected override async Task HandleAsync(MemberRoleRevokedIntegrationEvent e, CancellationToken cancellationToken)
    {
        if (e.Role == MemberRoles.Trainer)
        {
            (await Context.FindRequiredMemberAsync(e.MemberId, cancellationToken)).SetTrainer(false);
        }
    }
}

internal sealed class MemberSuspendedHandler(TrainingDbContext db, TimeProvider clock)
    : IntegrationEventHandler<MemberSuspendedIntegrationEvent, TrainingDbContext>(db, clock)
{
    protected override async Task HandleAsync(MemberSuspendedIntegrationEvent e, CancellationToken cancellationToken) =>
        (await Context.FindRequiredMemberAsync(e.MemberId, cancellationToken)).ChangeStatus(MemberStatus.Suspended);
}

internal sealed class MemberReinstatedHandler(TrainingDbContext db, TimeProvider clock)
    : IntegrationEventHandler<MemberReinstatedIntegrationEvent, TrainingDbContext>(db, clock)
{
    protected override async Task HandleAsync(MemberReinstatedIntegrationEvent e, CancellationToken cancellationToken) =>
        (await Context.FindRequiredMemberAsync(e.MemberId, cancellationToken)).ChangeStatus(MemberStatus.Active);
}

internal sealed class MemberLeftHandler(TrainingDbContext db, TimeProvider clock)
    : IntegrationEventHandler<MemberLeftIntegrationEvent, TrainingDbContext>(db, clock)
{
    protected override async Task HandleAsync(MemberLeftIntegrationEvent e, CancellationToken cancellationToken) =>
        (await Context.FindRequiredMemberAsync(e.MemberId, cancellationToken)).ChangeStatus(MemberStatus.Left);
}

internal sealed class MemberDetailsCorrectedHandler(TrainingDbContext db, TimeProvider clock)
    : IntegrationEventHandler<MemberDetailsCorrectedIntegrationEvent, TrainingDbContext>(db, clock)
{
    protected override async Task HandleAsync(MemberDetailsCorrectedIntegrationEvent e, CancellationToken cancellationToken) =>
        (await Context.FindRequiredMemberAsync(e.MemberId, cancellationToken)).CorrectDetails(e.Name, e.Village);
}

internal static class PeopleSync
{
    /// <summary>Events of one member arrive in order; a missing copy is a failure to retry, not to ignore.</summary>
    public static async Task<Member> FindRequiredMemberAsync(this TrainingDbContext db, Guid memberId, CancellationToken cancellationToken) =>
        await db.Members.SingleOrDefaultAsync(m => m.Id == memberId, cancellationToken)
        ?? throw new InvalidOperationException($"Member {memberId} is not known to Training yet.");
}
