using Microsoft.EntityFrameworkCore;
using RuralCommerce.Catalog.Contracts;
using RuralCommerce.Cooperatives.Contracts;
using RuralCommerce.IncomeTracking.Domain.Sellers;
using RuralCommerce.IncomeTracking.Persistence;
using RuralCommerce.Shared.Infrastructure.Inbox;
using RuralCommerce.Training.Contracts;

namespace RuralCommerce.IncomeTracking.Features.PeopleSync;

// Reports count sellers who earned nothing too (the untrained group, the share whose income rose), so Income Tracking
// keeps its own copy of every member, of the cooperatives (a county report groups them), of livestream titles and of
// the courses members completed.

internal sealed class CooperativeRegisteredHandler(IncomeTrackingDbContext db, TimeProvider clock)
    : IntegrationEventHandler<CooperativeRegisteredIntegrationEvent, IncomeTrackingDbContext>(db, clock)
{
    protected override async Task HandleAsync(CooperativeRegisteredIntegrationEvent e, CancellationToken cancellationToken)
    {
        if (!await Context.Cooperatives.AnyAsync(c => c.Id == e.CooperativeId, cancellationToken))
        {
            Context.Cooperatives.Add(Cooperative.Registered(e.CooperativeId, e.Name, e.Province, e.County));
        }
    }
}

internal sealed class MemberJoinedHandler(IncomeTrackingDbContext db, TimeProvider clock)
    : IntegrationEventHandler<MemberJoinedIntegrationEvent, IncomeTrackingDbContext>(db, clock)
{
    protected override async Task HandleAsync(MemberJoinedIntegrationEvent e, CancellationToken cancellationToken)
    {
        if (!await Context.Sellers.AnyAsync(s => s.Id == e.MemberId, cancellationToken))
        {
            Context.Sellers.Add(Seller.Joined(e.MemberId, e.CooperativeId, e.Name, e.Village, e.JoinedOn));
        }
    }
}

internal sealed class MemberSuspendedHandler(IncomeTrackingDbContext db, TimeProvider clock)
    : IntegrationEventHandler<MemberSuspendedIntegrationEvent, IncomeTrackingDbContext>(db, clock)
{
    protected override async Task HandleAsync(MemberSuspendedIntegrationEvent e, CancellationToken cancellationToken) =>
        (await Context.FindRequiredSellerAsync(e.MemberId, cancellationToken)).ChangeStatus(SellerStatus.Suspended);
}

internal sealed class MemberReinstatedHandler(IncomeTrackingDbContext db, TimeProvider clock)
    : IntegrationEventHandler<MemberReinstatedIntegrationEvent, IncomeTrackingDbContext>(db, clock)
{
    protected override async Task HandleAsync(MemberReinstatedIntegrationEvent e, CancellationToken cancellationToken) =>
        (await Context.FindRequiredSellerAsync(e.MemberId, cancellationToken)).ChangeStatus(SellerStatus.Active);
}

internal sealed class MemberLeftHandler(IncomeTrackingDbContext db, TimeProvider clock)
    : IntegrationEventHandler<MemberLeftIntegrationEvent, IncomeTrackingDbContext>(db, clock)
{
    protected override async Task HandleAsync(MemberLeftIntegrationEvent e, CancellationToken cancellationToken) =>
        (await Context.FindRequiredSellerAsync(e.MemberId, cancellationToken)).ChangeStatus(SellerStatus.Left);
}

internal sealed class MemberDetailsCorrectedHandler(IncomeTrackingDbContext db, TimeProvider clock)
    : IntegrationEventHandler<MemberDetailsCorrectedIntegrationEvent, IncomeTrackingDbContext>(db, clock)
{
    protected override async Task HandleAsync(MemberDetailsCorrectedIntegrationEvent e, CancellationToken cancellationToken) =>
        (await Context.FindRequiredSellerAsync(e.MemberId, cancellationToken)).CorrectDetails(e.Name, e.Village);
}

internal sealed class LivestreamScheduledHandler(IncomeTrackingDbContext db, TimeProvider clock)
    : IntegrationEventHandler<LivestreamScheduledIntegrationEvent, IncomeTrackingDbContext>(db, clock)
{
    protected override async Task HandleAsync(LivestreamScheduledIntegrationEvent e, CancellationToken cancellationToken)
    {
        if (!await Context.Livestreams.AnyAsync(l => l.Id == e.LivestreamId, cancellationToken))
        {
            Context.Livestreams.Add(Livestream.Scheduled(e.LivestreamId, e.CooperativeId, e.Title, e.PlannedStart));
        }
    }
}

internal sealed class CourseCompletedHandler(IncomeTrackingDbContext db, TimeProvider clock)
    : IntegrationEventHandler<CourseCompletedIntegrationEvent, IncomeTrackingDbContext>(db, clock)
{
    protected override async Task HandleAsync(CourseCompletedIntegrationEvent e, CancellationToken cancellationToken)
    {
        // A learner who is not a cooperative member sells nothing here: there is no income to compare.
        if (e.MemberId is not { } memberId || e.CooperativeId is not { } cooperativeId
            || await Context.TrainingCompletions.AnyAsync(t => t.EnrolmentId == e.EnrolmentId, cancellationToken))
        {
            return;
        }

        Context.TrainingCompletions.Add(TrainingCompletion.Of(e.EnrolmentId, memberId, cooperativeId, e.CourseId, e.CourseTitle, e.Topic, e.CompletedOn));
    }
}

internal sealed class CertificateRevokedHandler(IncomeTrackingDbContext db, TimeProvider clock)
    : IntegrationEventHandler<CertificateRevokedIntegrationEvent, IncomeTrackingDbContext>(db, clock)
{
    protected override async Task HandleAsync(CertificateRevokedIntegrationEvent e, CancellationToken cancellationToken)
    {
        var completion = await Context.TrainingCompletions.SingleOrDefaultAsync(t => t.EnrolmentId == e.EnrolmentId, cancellationToken);
        completion?.Revoke();
    }
}

internal static class PeopleSync
{
    /// <summary>Events of one member arrive in order; a missing copy is a failure to retry, not to ignore.</summary>
    public static async Task<Seller> FindRequiredSellerAsync(this IncomeTrackingDbContext db, Guid memberId, CancellationToken cancellationToken) =>
        await db.Sellers.SingleOrDefaultAsync(s => s.Id == memberId, cancellationToken)
        ?? throw new InvalidOperationException($"Member {memberId} is not known to Income Tracking yet.");
}
