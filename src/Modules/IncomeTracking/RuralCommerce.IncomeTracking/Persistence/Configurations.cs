using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RuralCommerce.IncomeTracking.Domain.Commission;
using RuralCommerce.IncomeTracking.Domain.Ledger;

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
