using Microsoft.EntityFrameworkCore;
using RuralCommerce.Catalog.Domain.Members;
using RuralCommerce.Catalog.Domain.Products;
using RuralCommerce.Catalog.Persistence;
using RuralCommerce.Cooperatives.Contracts;
using RuralCommerce.Shared.Infrastructure.Inbox;

namespace RuralCommerce.Catalog.Features.MemberSync;

// Catalog keeps its own copy of cooperatives and members, fed by the Cooperatives module. When a seller or a
// cooperative stops selling, its listed products leave the shop; coming back does not relist them by itself.

internal sealed class CooperativeRegisteredHandler(CatalogDbContext db, TimeProvider clock)
    : IntegrationEventHandler<CooperativeRegisteredIntegrationEvent, CatalogDbContext>(db, clock)
{
    protected override async Task HandleAsync(CooperativeRegisteredIntegrationEvent e, CancellationToken cancellationToken)
    {
        if (!await Context.Cooperatives.AnyAsync(c => c.Id == e.CooperativeId, cancellationToken))
        {
            Context.Cooperatives.Add(Cooperative.Registered(e.CooperativeId, e.Name, e.Province, e.County, e.Village));
        }
    }
}

internal sealed class CooperativeSuspendedHandler(CatalogDbContext db, TimeProvider clock)
    : IntegrationEventHandler<CooperativeSuspendedIntegrationEvent, CatalogDbContext>(db, clock)
{
    protected override Task HandleAsync(CooperativeSuspendedIntegrationEvent e, CancellationToken cancellationToken) =>
        Context.StopSellingAsync(e.CooperativeId, CooperativeStatus.Suspended, DelistReason.CooperativeSuspended, Clock, cancellationToken);
}

internal sealed class CooperativeDissolvedHandler(CatalogDbContext db, TimeProvider clock)
    : IntegrationEventHandler<CooperativeDissolvedIntegrationEvent, CatalogDbContext>(db, clock)
{
    protected override Task HandleAsync(CooperativeDissolvedIntegrationEvent e, CancellationToken cancellationToken) =>
        Context.StopSellingAsync(e.CooperativeId, CooperativeStatus.Dissolved, DelistReason.CooperativeDissolved, Clock, cancellationToken);
}

internal sealed class CooperativeReinstatedHandler(CatalogDbContext db, TimeProvider clock)
    : IntegrationEventHandler<CooperativeReinstatedIntegrationEvent, CatalogDbContext>(db, clock)
{
    protected override async Task HandleAsync(CooperativeReinstatedIntegrationEvent e, CancellationToken cancellationToken) =>
        (await Context.FindRequiredCooperativeAsync(e.CooperativeId, cancellationToken)).ChangeStatus(CooperativeStatus.Active);
}

internal sealed class MemberJoinedHandler(CatalogDbContext db, TimeProvider clock)
    : IntegrationEventHandler<MemberJoinedIntegrationEvent, CatalogDbContext>(db, clock)
{
    protected override async Task HandleAsync(MemberJoinedIntegrationEvent e, CancellationToken cancellationToken)
    {
        if (!await Context.Members.AnyAsync(m => m.Id == e.MemberId, cancellationToken))
        {
            Context.Members.Add(Member.Joined(e.CooperativeId, e.MemberId, e.Name, e.Village, e.Roles));
        }
    }
}

internal sealed class MemberRoleGrantedHandler(CatalogDbContext db, TimeProvider clock)
    : IntegrationEventHandler<MemberRoleGrantedIntegrationEvent, CatalogDbContext>(db, clock)
{
    protected override async Task HandleAsync(MemberRoleGrantedIntegrationEvent e, CancellationToken cancellationToken) =>
        (await Context.FindRequiredMemberAsync(e.MemberId, cancellationToken)).Grant(e.Role);
}

internal sealed class MemberRoleRevokedHandler(CatalogDbContext db, TimeProvider clock)
    : IntegrationEventHandler<MemberRoleRevokedIntegrationEvent, CatalogDbContext>(db, clock)
{
    protected override async Task HandleAsync(MemberRoleRevokedIntegrationEvent e, CancellationToken cancellationToken)
    {
        (await Context.FindRequiredMemberAsync(e.MemberId, cancellationToken)).Revoke(e.Role);
        if (e.Role == MemberRoles.Seller)
        {
            await Context.DelistSellersProductsAsync(e.MemberId, DelistReason.SellerRoleRevoked, Clock, cancellationToken);
        }
    }
}

internal sealed class MemberSuspendedHandler(CatalogDbContext db, TimeProvider clock)
    : IntegrationEventHandler<MemberSuspendedIntegrationEvent, CatalogDbContext>(db, clock)
{
    protected override async Task HandleAsync(MemberSuspendedIntegrationEvent e, CancellationToken cancellationToken)
    {
        (await Context.FindRequiredMemberAsync(e.MemberId, cancellationToken)).ChangeStatus(MemberStatus.Suspended);
        await Context.DelistSellersProductsAsync(e.MemberId, DelistReason.SellerSuspended, Clock, cancellationToken);
    }
}

internal sealed class MemberReinstatedHandler(CatalogDbContext db, TimeProvider clock)
    : IntegrationEventHandler<MemberReinstatedIntegrationEvent, CatalogDbContext>(db, clock)
{
    protected override async Task HandleAsync(MemberReinstatedIntegrationEvent e, CancellationToken cancellationToken) =>
        (await Context.FindRequiredMemberAsync(e.MemberId, cancellationToken)).ChangeStatus(MemberStatus.Active);
}

internal sealed class MemberLeftHandler(CatalogDbContext db, TimeProvider clock)
    : IntegrationEventHandler<MemberLeftIntegrationEvent, CatalogDbContext>(db, clock)
{
    protected override async Task HandleAsync(MemberLeftIntegrationEvent e, CancellationToken cancellationToken)
    {
        (await Context.FindRequiredMemberAsync(e.MemberId, cancellationToken)).ChangeStatus(MemberStatus.Left);
        await Context.DelistSellersProductsAsync(e.MemberId, DelistReason.SellerLeft, Clock, cancellationToken);
    }
}

internal sealed class MemberDetailsCorrectedHandler(CatalogDbContext db, TimeProvider clock)
    : IntegrationEventHandler<MemberDetailsCorrectedIntegrationEvent, CatalogDbContext>(db, clock)
{
    protected override async Task HandleAsync(MemberDetailsCorrectedIntegrationEvent e, CancellationToken cancellationToken) =>
        (await Context.FindRequiredMemberAsync(e.MemberId, cancellationToken)).CorrectDetails(e.Name, e.Village);
}

internal static class MemberSync
{
    /// <summary>Events of one member (or cooperative) arrive in order; a missing copy is a failure to retry, not to ignore.</summary>
    public static async Task<Member> FindRequiredMemberAsync(this CatalogDbContext db, Guid memberId, CancellationToken cancellationToken) =>
        await db.Members.SingleOrDefaultAsync(m => m.Id == memberId, cancellationToken)
        ?? throw new InvalidOperationException($"Member {memberId} is not known to Catalog yet.");

    public static async Task<Cooperative> FindRequiredCooperativeAsync(this CatalogDbContext db, Guid cooperativeId, CancellationToken cancellationToken) =>
        await db.Cooperatives.SingleOrDefaultAsync(c => c.Id == cooperativeId, cancellationToken)
        ?? throw new InvalidOperationException($"Cooperative {cooperativeId} is not known to Catalog yet.");

    public static async Task DelistSellersProductsAsync(
        this CatalogDbContext db, Guid sellerId, DelistReason reason, TimeProvider clock, CancellationToken cancellationToken)
    {
        var listed = await db.Products.Where(p => p.SellerId == sellerId && p.Status == ProductStatus.Listed).ToListAsync(cancellationToken);
        listed.ForEach(p => p.DelistAutomatically(reason, clock.GetUtcNow()));
    }

    public static async Task StopSellingAsync(
        this CatalogDbContext db, Guid cooperativeId, CooperativeStatus status, DelistReason reason, TimeProvider clock, CancellationToken cancellationToken)
    {
        (await db.FindRequiredCooperativeAsync(cooperativeId, cancellationToken)).ChangeStatus(status);
        var listed = await db.Products.Where(p => p.CooperativeId == cooperativeId && p.Status == ProductStatus.Listed).ToListAsync(cancellationToken);
        listed.ForEach(p => p.DelistAutomatically(reason, clock.GetUtcNow()));
    }
}
