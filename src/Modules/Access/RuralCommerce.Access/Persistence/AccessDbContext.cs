using Microsoft.EntityFrameworkCore;
using RuralCommerce.Access.Contracts;
using RuralCommerce.Access.Domain.Accounts;
using RuralCommerce.Access.Domain.Memberships;
using RuralCommerce.Access.Domain.Sessions;
using RuralCommerce.Shared.Infrastructure.Persistence;
using RuralCommerce.SharedKernel;

namespace RuralCommerce.Access.Persistence;

internal abstract class AccessDbContext(DbContextOptions options) : ModuleDbContext(options)
{
    internal const string SchemaName = "access";

    public override string Schema => SchemaName;

    public DbSet<Account> Accounts => Set<Account>();

    public DbSet<PhoneVerification> PhoneVerifications => Set<PhoneVerification>();

    public DbSet<RefreshToken> RefreshTokens => Set<RefreshToken>();

    public DbSet<Membership> Memberships => Set<Membership>();

    public DbSet<RevokedSession> RevokedSessions => Set<RevokedSession>();

    /// <summary>What other modules hear of this one; the rows commit with the change that raised them.</summary>
    protected override IEnumerable<IntegrationEvent> ToIntegrationEvents(IDomainEvent domainEvent) => domainEvent switch
    {
        PhoneVerified { Account: var a } => [new PhoneVerifiedIntegrationEvent(a.Id.Value, a.Phone.Value, a.DisplayName)],
        _ => [],
    };

    /// <summary>Ends the sessions (token families) of these tokens: refresh tokens revoked, access tokens refused.</summary>
    public async Task RevokeSessionsAsync(IEnumerable<RefreshToken> tokensInSessions, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var families = tokensInSessions.GroupBy(t => t.FamilyId).ToList();
        var familyIds = families.Select(f => f.Key).ToList();
        var alreadyRevoked = await RevokedSessions.Where(r => familyIds.Contains(r.FamilyId)).Select(r => r.FamilyId).ToListAsync(cancellationToken);
        foreach (var family in families)
        {
            foreach (var token in family)
            {
                token.Revoke(now);
            }

            if (!alreadyRevoked.Contains(family.Key))
            {
                RevokedSessions.Add(RevokedSession.Of(family.First(), now));
            }
        }
    }
}

/// <summary>The embedded default; migrations in Persistence/Migrations/Sqlite.</summary>
internal sealed class SqliteAccessDbContext(DbContextOptions<SqliteAccessDbContext> options) : AccessDbContext(options);

/// <summary>Production; migrations in Persistence/Migrations/SqlServer.</summary>
internal sealed class SqlServerAccessDbContext(DbContextOptions<SqlServerAccessDbContext> options) : AccessDbContext(options);
