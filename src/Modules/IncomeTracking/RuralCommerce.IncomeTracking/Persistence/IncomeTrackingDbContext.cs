using Microsoft.EntityFrameworkCore;
using RuralCommerce.IncomeTracking.Domain.Baselines;
using RuralCommerce.IncomeTracking.Domain.Commission;
using RuralCommerce.IncomeTracking.Domain.Ledger;
using RuralCommerce.IncomeTracking.Domain.Months;
using RuralCommerce.IncomeTracking.Domain.Rollups;
using RuralCommerce.IncomeTracking.Domain.Sellers;
using RuralCommerce.IncomeTracking.Domain.Statements;
using RuralCommerce.Shared.Infrastructure.Persistence;

namespace RuralCommerce.IncomeTracking.Persistence;

internal abstract class IncomeTrackingDbContext(DbContextOptions options) : ModuleDbContext(options)
{
    internal const string SchemaName = "income_tracking";

    private readonly HashSet<Guid> _rolledUp = [];

    public override string Schema => SchemaName;

    public DbSet<LedgerEntry> LedgerEntries => Set<LedgerEntry>();

    public DbSet<CommissionRate> CommissionRates => Set<CommissionRate>();

    public DbSet<MonthlyIncome> MonthlyIncomes => Set<MonthlyIncome>();

    public DbSet<LivestreamIncome> LivestreamIncomes => Set<LivestreamIncome>();

    public DbSet<ProductIncome> ProductIncomes => Set<ProductIncome>();

    public DbSet<Seller> Sellers => Set<Seller>();

    public DbSet<Cooperative> Cooperatives => Set<Cooperative>();

    public DbSet<Livestream> Livestreams => Set<Livestream>();

    public DbSet<TrainingCompletion> TrainingCompletions => Set<TrainingCompletion>();

    public DbSet<Baseline> Baselines => Set<Baseline>();

    public DbSet<Statement> Statements => Set<Statement>();

    protected override void ResetState()
    {
        base.ResetState();
        _rolledUp.Clear();
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        RollUpPostedEntriesAsync(CancellationToken.None).GetAwaiter().GetResult();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        await RollUpPostedEntriesAsync(cancellationToken);
        return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    /// <summary>
    /// Adds the entries about to be posted to their monthly roll-ups, in the same transaction: the roll-ups are what
    /// gains and reports read, and they can never disagree with the ledger.
    /// </summary>
    private async Task RollUpPostedEntriesAsync(CancellationToken cancellationToken)
    {
        var posted = ChangeTracker.Entries<LedgerEntry>()
            .Where(e => e.State == EntityState.Added && !_rolledUp.Contains(e.Entity.Id))
            .Select(e => e.Entity).ToList();
        if (posted.Count == 0)
        {
            return;
        }

        // One query loads every roll-up the entries touch (an order of several sellers, an import of thousands of rows).
        var sellerIds = posted.Select(e => e.SellerId).Distinct().ToList();
        var livestreamIds = posted.Where(e => e.LivestreamId is not null).Select(e => e.LivestreamId!.Value).Distinct().ToList();
        var months = posted.Select(e => Month.Of(e.PostedAt)).Distinct().ToList();
        await MonthlyIncomes.Where(m => sellerIds.Contains(m.SellerId) && months.Contains(m.Month)).LoadAsync(cancellationToken);
        if (livestreamIds.Count > 0)
        {
            await LivestreamIncomes.Where(l => livestreamIds.Contains(l.LivestreamId) && months.Contains(l.Month)).LoadAsync(cancellationToken);
        }

        var incomes = MonthlyIncomes.Local.ToDictionary(m => (m.SellerId, m.Month));
        var livestreams = LivestreamIncomes.Local.ToDictionary(l => (l.LivestreamId, l.Month));
        foreach (var entry in posted)
        {
            var month = Month.Of(entry.PostedAt);
            if (!incomes.TryGetValue((entry.SellerId, month), out var income))
            {
                income = MonthlyIncome.Start(entry.SellerId, month, entry.CooperativeId);
                MonthlyIncomes.Add(income);
                incomes.Add((entry.SellerId, month), income);
            }

            income.Add(entry.Source, entry.AmountFen);
            if (entry.LivestreamId is { } livestreamId)
            {
                if (!livestreams.TryGetValue((livestreamId, month), out var livestream))
                {
                    livestream = LivestreamIncome.Start(livestreamId, month, entry.CooperativeId);
                    LivestreamIncomes.Add(livestream);
                    livestreams.Add((livestreamId, month), livestream);
                }

                livestream.Add(entry.AmountFen);
            }

            _rolledUp.Add(entry.Id);
        }
    }
}

/// <summary>The embedded default; migrations in Persistence/Migrations/Sqlite.</summary>
internal sealed class SqliteIncomeTrackingDbContext(DbContextOptions<SqliteIncomeTrackingDbContext> options) : IncomeTrackingDbContext(options);

/// <summary>Production; migrations in Persistence/Migrations/SqlServer.</summary>
internal sealed class SqlServerIncomeTrackingDbContext(DbContextOptions<SqlServerIncomeTrackingDbContext> options) : IncomeTrackingDbContext(options);
