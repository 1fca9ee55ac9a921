using Microsoft.EntityFrameworkCore;
using RuralCommerce.Cooperatives.Contracts;
using RuralCommerce.Cooperatives.Domain.Cooperatives;
using RuralCommerce.Cooperatives.Domain.Dues;
using RuralCommerce.Cooperatives.Domain.Members;
using RuralCommerce.Cooperatives.Domain.Shares;
using RuralCommerce.Shared.Infrastructure.Persistence;
using RuralCommerce.SharedKernel;

namespace RuralCommerce.Cooperatives.Persistence;

internal abstract class CooperativesDbContext(DbContextOptions options) : ModuleDbContext(options)
{
    internal const string SchemaName = "cooperatives";

    public override string Schema => SchemaName;

    public DbSet<Cooperative> Cooperatives => Set<Cooperative>();

    public DbSet<Member> Members => Set<Member>();

    public DbSet<ShareLedgerEntry> ShareLedger => Set<ShareLedgerEntry>();

    public DbSet<DuesCharge> DuesCharges => Set<DuesCharge>();

    public DbSet<OpenOrder> OpenOrders => Set<OpenOrder>();

    /// <summary>What other modules hear of this one; the rows commit with the change that raised them.</summary>
    protected override IEnumerable<IntegrationEvent> ToIntegrationEvents(IDomainEvent domainEvent) => domainEvent switch
    {
        CooperativeRegistered { Cooperative: var c } =>
        [
            new CooperativeRegisteredIntegrationEvent(
                c.Id.Value, c.Name, c.CreditCode.Value, c.Address.Province, c.Address.County, c.Address.Township, c.Address.Village),
        ],
        CooperativeStatusChanged { Status: CooperativeStatus.Suspended } e => [new CooperativeSuspendedIntegrationEvent(e.CooperativeId.Value)],
        CooperativeStatusChanged { Status: CooperativeStatus.Active } e => [new CooperativeReinstatedIntegrationEvent(e.CooperativeId.Value)],
        CooperativeStatusChanged { Status: CooperativeStatus.Dissolved } e => [new CooperativeDissolvedIntegrationEvent(e.CooperativeId.Value)],
        MemberJoined { Member: var m } =>
        [
            new MemberJoinedIntegrationEvent(
                m.CooperativeId.Value, m.Id.Value, m.Name, m.Phone.Value, m.Village, m.Roles.Names, m.ApplicantAccountId, m.JoinedOn!.Value),
        ],
        MemberRoleChanged { Granted: true } e => [new MemberRoleGrantedIntegrationEvent(e.CooperativeId.Value, e.MemberId.Value, e.Role)],
        MemberRoleChanged e => [new MemberRoleRevokedIntegrationEvent(e.CooperativeId.Value, e.MemberId.Value, e.Role)],
        MemberStatusChanged { Status: MemberStatus.Suspended } e => [new MemberSuspendedIntegrationEvent(e.CooperativeId.Value, e.MemberId.Value)],
        MemberStatusChanged { Status: MemberStatus.Active } e => [new MemberReinstatedIntegrationEvent(e.CooperativeId.Value, e.MemberId.Value)],
        MemberStatusChanged { Status: MemberStatus.Left } e => [new MemberLeftIntegrationEvent(e.CooperativeId.Value, e.MemberId.Value)],
        MemberDetailsCorrected e => [new MemberDetailsCorrectedIntegrationEvent(e.CooperativeId.Value, e.MemberId.Value, e.Name, e.Village)],
        _ => [],
    };
}

/// <summary>The embedded default; migrations in Persistence/Migrations/Sqlite.</summary>
internal sealed class SqliteCooperativesDbContext(DbContextOptions<SqliteCooperativesDbContext> options) : CooperativesDbContext(options);

/// <summary>Production; migrations in Persistence/Migrations/SqlServer.</summary>
internal sealed class SqlServerCooperativesDbContext(DbContextOptions<SqlServerCooperativesDbContext> options) : CooperativesDbContext(options);
