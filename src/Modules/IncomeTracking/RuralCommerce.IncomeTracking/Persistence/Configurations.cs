using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RuralCommerce.IncomeTracking.Domain.Baselines;
using RuralCommerce.IncomeTracking.Domain.Commission;
using RuralCommerce.IncomeTracking.Domain.Ledger;
using RuralCommerce.IncomeTracking.Domain.Rollups;
using RuralCommerce.IncomeTracking.Domain.Sellers;
using RuralCommerce.IncomeTracking.Domain.Statements;

namespace RuralCommerce.IncomeTracking.Persistence;

internal sealed class LedgerEntryConfiguration : IEntityTypeConfiguration<LedgerEntry>
{
    public void Configure(EntityTypeBuilder<LedgerEntry> builder)
    {
        builder.ToTable("LedgerEntries");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Id).ValueGeneratedNever();
        builder.Property(e => e.Source).HasConversion<string>().HasMaxLength(20);
        builder.Property(e => e.Reference).HasMaxLength(60);
        builder.Property(e => e.Platform).HasMaxLength(30);
        builder.Property(e => e.Note).HasMaxLength(200);
        // What makes crediting exactly once, whatever delivers the notification and however often.
        builder.HasIndex(e => new { e.Reference, e.SellerId }).IsUnique();
        builder.HasIndex(e => new { e.SellerId, e.OccurredOn });
        builder.HasIndex(e => new { e.CooperativeId, e.OccurredOn });
        // Statements gather a cooperative's entries by posting month.
        builder.HasIndex(e => new { e.CooperativeId, e.PostedAt });
        builder.HasIndex(e => e.Reverses);
    }
}

internal sealed class CommissionRateConfiguration : IEntityTypeConfiguration<CommissionRate>
{
    public void Configure(EntityTypeBuilder<CommissionRate> builder)
    {
        builder.ToTable("CommissionRates");
        builder.HasKey(r => new { r.CooperativeId, r.EffectiveFrom });
        builder.Property(r => r.Percent).HasPrecision(5, 2);
    }
}

internal sealed class MonthlyIncomeConfiguration : IEntityTypeConfiguration<MonthlyIncome>
{
    public void Configure(EntityTypeBuilder<MonthlyIncome> builder)
    {
        builder.ToTable("MonthlyIncomes");
        builder.HasKey(m => new { m.SellerId, m.Month });
        builder.Property(m => m.Version).IsConcurrencyToken();
        // Covers the reports' scans of a cooperative's months (sums by month, by seller over a window): they read the
        // index alone, never the table rows scattered among every other cooperative's.
        builder.HasIndex(m => new
        {
            m.CooperativeId,
            m.Month,
            m.SellerId,
            m.IncomeFen,
            m.ShopFen,
            m.LivestreamFen,
            m.ImportedFen,
            m.OfflineSaleFen,
            m.WagesFen,
            m.OtherFen,
            m.SubsidyFen,
        }).HasDatabaseName("IX_MonthlyIncomes_Cooperative_Month_Covering");
    }
}

internal sealed class LivestreamIncomeConfiguration : IEntityTypeConfiguration<LivestreamIncome>
{
    public void Configure(EntityTypeBuilder<LivestreamIncome> builder)
    {
        builder.ToTable("LivestreamIncomes");
        builder.HasKey(m => new { m.LivestreamId, m.Month });
        builder.Property(m => m.Version).IsConcurrencyToken();
        builder.HasIndex(m => new { m.CooperativeId, m.Month });
    }
}

internal sealed class ProductIncomeConfiguration : IEntityTypeConfiguration<ProductIncome>
{
    public void Configure(EntityTypeBuilder<ProductIncome> builder)
    {
        builder.ToTable("ProductIncomes");
        builder.HasKey(p => new { p.ProductId, p.Month });
        builder.Property(p => p.ProductName).HasMaxLength(200);
        builder.Property(p => p.Version).IsConcurrencyToken();
        builder.HasIndex(p => new { p.CooperativeId, p.Month, p.ProductId, p.AmountFen });
    }
}

internal sealed class SellerConfiguration : IEntityTypeConfiguration<Seller>
{
    public void Configure(EntityTypeBuilder<Seller> builder)
    {
        builder.ToTable("Sellers");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.Name).HasMaxLength(100);
        builder.Property(s => s.Village).HasMaxLength(100);
        builder.Property(s => s.Status).HasConversion<string>().HasMaxLength(20);
        builder.HasIndex(s => s.CooperativeId);
    }
}

internal sealed class CooperativeConfiguration : IEntityTypeConfiguration<Cooperative>
{
    public void Configure(EntityTypeBuilder<Cooperative> builder)
    {
        builder.ToTable("Cooperatives");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.Name).HasMaxLength(200);
        builder.Property(c => c.Province).HasMaxLength(50);
        builder.Property(c => c.County).HasMaxLength(50);
        builder.HasIndex(c => new { c.Province, c.County });
    }
}

internal sealed class LivestreamConfiguration : IEntityTypeConfiguration<Livestream>
{
    public void Configure(EntityTypeBuilder<Livestream> builder)
    {
        builder.ToTable("Livestreams");
        builder.HasKey(l => l.Id);
        builder.Property(l => l.Id).ValueGeneratedNever();
        builder.Property(l => l.Title).HasMaxLength(200);
    }
}

internal sealed class TrainingCompletionConfiguration : IEntityTypeConfiguration<TrainingCompletion>
{
    public void Configure(EntityTypeBuilder<TrainingCompletion> builder)
    {
        builder.ToTable("TrainingCompletions");
        builder.HasKey(t => t.EnrolmentId);
        builder.Property(t => t.EnrolmentId).ValueGeneratedNever();
        builder.Property(t => t.CourseTitle).HasMaxLength(200);
        builder.Property(t => t.Topic).HasMaxLength(100);
        builder.HasIndex(t => new { t.CooperativeId, t.Topic });
        builder.HasIndex(t => t.SellerId);
    }
}

internal sealed class BaselineConfiguration : IEntityTypeConfiguration<Baseline>
{
    public void Configure(EntityTypeBuilder<Baseline> builder)
    {
        builder.ToTable("Baselines");
        // Two administrators setting a baseline at once: the second version number is taken, and the save fails (409).
        builder.HasKey(b => new { b.SellerId, b.Version });
        builder.Property(b => b.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(b => b.Note).HasMaxLength(200);
    }
}

internal sealed class StatementConfiguration : IEntityTypeConfiguration<Statement>
{
    public void Configure(EntityTypeBuilder<Statement> builder)
    {
        builder.ToTable("Statements");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.PayoutReference).HasMaxLength(100);
        // One statement per seller and month, however often (or concurrently) the month is generated.
        builder.HasIndex(s => new { s.SellerId, s.Month }).IsUnique();
        builder.HasIndex(s => new { s.CooperativeId, s.Month });
    }
}
