using Microsoft.EntityFrameworkCore;
using RuralCommerce.IncomeTracking.Domain.Commission;
using RuralCommerce.IncomeTracking.Domain.Ledger;
using RuralCommerce.Shared.Infrastructure.Persistence;

namespace RuralCommerce.IncomeTracking.Persistence;

internal abstract class IncomeTrackingDbContext(DbContextOptions options) : ModuleDbContext(options)
{
    internal const string SchemaName = "income_tracking";

    public override string Schema => SchemaName;

    public DbSet<LedgerEntry> LedgerEntries => Set<LedgerEntry>();

    public DbSet<CommissionRate> CommissionRates => Set<CommissionRate>();
}

/// <summary>The embedded default; migrations in Persistence/Migrations/Sqlite.</summary>
internal sealed class SqliteIncomeTrackingDbContext(DbContextOptions<SqliteIncomeTrackingDbContext> options) : IncomeTrackingDbContext(options);

/// <summary>Production; migrations in Persistence/Migrations/SqlServer.</summary>
internal sealed class SqlServerIncomeTrackingDbContext(DbContextOptions<SqlServerIncomeTrackingDbContext> options) : IncomeTrackingDbContext(options);
