using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using RuralCommerce.Cooperatives.Domain.Cooperatives;
using RuralCommerce.Cooperatives.Domain.Dues;
using RuralCommerce.Cooperatives.Domain.Members;
using RuralCommerce.Cooperatives.Domain.Shares;

using RuralCommerce.Shared.Infrastructure.Persistence;

namespace RuralCommerce.Cooperatives.Persistence;

internal sealed class CooperativeConfiguration : IEntityTypeConfiguration<Cooperative>
{
    public void Configure(EntityTypeBuilder<Cooperative> builder)
    {
        builder.ToTable("Cooperatives");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Name).HasMaxLength(100);
        builder.Property(c => c.CreditCode)
            .HasConversion(new ValueConverter<UnifiedSocialCreditCode, string>(c => c.Value, v => UnifiedSocialCreditCode.FromStored(v)))
            .HasMaxLength(18);
        builder.HasIndex(c => c.CreditCode).IsUnique();
        builder.ComplexProperty(c => c.Address, address =>
        {
            address.Property(a => a.Province).HasColumnName("Province").HasMaxLength(50);
            address.Property(a => a.County).HasColumnName("County").HasMaxLength(50);
            address.Property(a => a.Township).HasColumnName("Township").HasMaxLength(50);
            address.Property(a => a.Village).HasColumnName("Village").HasMaxLength(50);
        });
        builder.Property(c => c.ServiceCentre).HasMaxLength(100);
        builder.Property(c => c.Status).HasConversion<string>().HasMaxLength(20);
        builder.HasIndex(c => c.Name);
    }
}

internal sealed class OpenOrderConfiguration : IEntityTypeConfiguration<OpenOrder>
{
    public void Configure(EntityTypeBuilder<OpenOrder> builder)
    {
        builder.ToTable("OpenOrders");
        builder.HasKey(o => new { o.CooperativeId, o.OrderId });
        builder.HasIndex(o => o.OrderId);
    }
}

internal sealed class MemberConfiguration : IEntityTypeConfiguration<Member>
{
    public void Configure(EntityTypeBuilder<Member> builder)
    {
        builder.ToTable("Members");
        builder.HasKey(m => m.Id);
        builder.Property(m => m.Name).HasMaxLength(100);
        builder.Property(m => m.Village).HasMaxLength(50);
        builder.Property(m => m.IdCardNumber)
            .HasConversion(new ValueConverter<IdCardNumber, string>(n => n.Value, v => IdCardNumber.FromStored(v)))
            .HasMaxLength(18);
        builder.Property(m => m.Status).HasConversion<string>().HasMaxLength(20);
        builder.Ignore(m => m.Roles);
        builder.HasRoleSet(Member.RolesField, "Roles");
        builder.Property(m => m.PhoneDigits).HasMaxLength(16);
        // A phone number belongs to one current member (or applicant) of a cooperative at a time.
        builder.HasIndex(m => new { m.CooperativeId, m.Phone })
            .IsUnique()
            .HasFilter("[Status] IN ('Applied', 'Active', 'Suspended')");
        builder.HasIndex(m => new { m.CooperativeId, m.Status, m.Name });
    }
}

internal sealed class ShareLedgerEntryConfiguration : IEntityTypeConfiguration<ShareLedgerEntry>
{
    public void Configure(EntityTypeBuilder<ShareLedgerEntry> builder)
    {
        builder.ToTable("ShareLedger");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Movement).HasConversion<string>().HasMaxLength(20);
        builder.HasIndex(e => new { e.CooperativeId, e.MemberId });
    }
}

internal sealed class DuesChargeConfiguration : IEntityTypeConfiguration<DuesCharge>
{
    public void Configure(EntityTypeBuilder<DuesCharge> builder)
    {
        builder.ToTable("DuesCharges");
        builder.HasKey(d => d.Id);
        builder.HasIndex(d => new { d.MemberId, d.Year }).IsUnique();
        builder.Ignore(d => d.Amount);
        builder.Property<long>("_amountFen").HasColumnName("AmountFen");
        builder.HasIndex(d => new { d.CooperativeId, d.Year, d.PaidAt });
    }
}
