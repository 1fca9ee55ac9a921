using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RuralCommerce.Catalog.Domain.Batches;
using RuralCommerce.Catalog.Domain.Livestreams;
using RuralCommerce.Catalog.Domain.Members;
using RuralCommerce.Catalog.Domain.Products;
using RuralCommerce.Shared.Infrastructure.Persistence;

namespace RuralCommerce.Catalog.Persistence;

internal sealed class CooperativeConfiguration : IEntityTypeConfiguration<Cooperative>
{
    public void Configure(EntityTypeBuilder<Cooperative> builder)
    {
        builder.ToTable("Cooperatives");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.Name).HasMaxLength(100);
        builder.Property(c => c.Province).HasMaxLength(50);
        builder.Property(c => c.County).HasMaxLength(50);
        builder.Property(c => c.Village).HasMaxLength(50);
        builder.Property(c => c.Status).HasConversion<string>().HasMaxLength(20);
    }
}

internal sealed class MemberConfiguration : IEntityTypeConfiguration<Member>
{
    public void Configure(EntityTypeBuilder<Member> builder)
    {
        builder.ToTable("Members");
        builder.HasKey(m => m.Id);
        builder.Property(m => m.Id).ValueGeneratedNever();
        builder.Property(m => m.Name).HasMaxLength(100);
        builder.Property(m => m.Village).HasMaxLength(50);
        builder.Property(m => m.Status).HasConversion<string>().HasMaxLength(20);
        builder.Ignore(m => m.Roles);
        builder.HasRoleSet(Member.RolesField, "Roles");
        builder.HasIndex(m => m.CooperativeId);
    }
}

internal sealed class OrderHoldConfiguration : IEntityTypeConfiguration<OrderHold>
{
    public void Configure(EntityTypeBuilder<OrderHold> builder)
    {
        builder.ToTable("OrderHolds");
        builder.HasKey(h => h.ProductId);
        builder.Property(h => h.Quantity).HasPrecision(18, 3);
    }
}

internal sealed class ProductConfiguration : IEntityTypeConfiguration<Product>
{
    public void Configure(EntityTypeBuilder<Product> builder)
    {
        builder.ToTable("Products");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Code).HasMaxLength(32);
        builder.Property(p => p.CodeKey).HasMaxLength(32);
        builder.HasIndex(p => new { p.CooperativeId, p.CodeKey }).IsUnique();
        builder.Property(p => p.Name).HasMaxLength(100);
        builder.Property(p => p.Description).HasMaxLength(2000);
        builder.Property(p => p.Category).HasConversion<string>().HasMaxLength(20);
        builder.Property(p => p.Unit).HasConversion<string>().HasMaxLength(20);
        builder.OwnsOne(p => p.NetContent, content =>
        {
            content.Property(c => c.Amount).HasColumnName("NetContentAmount").HasPrecision(18, 3);
            content.Property(c => c.Unit).HasColumnName("NetContentUnit").HasConversion<string>().HasMaxLength(20);
        });
        builder.Ignore(p => p.ListPrice);
        builder.Property(p => p.OriginCounty).HasMaxLength(50);
        builder.Property(p => p.OriginVillage).HasMaxLength(50);
        builder.Property(p => p.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(p => p.DelistReason).HasConversion<string>().HasMaxLength(30);
        builder.Property(p => p.StockOnHand).HasPrecision(18, 3);
        builder.HasMany(p => p.Photos).WithOne().HasForeignKey(p => p.ProductId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(p => p.Photos).HasField("_photos").UsePropertyAccessMode(PropertyAccessMode.Field);

        // The seller's list and the administrator's list.
        builder.HasIndex(p => new { p.CooperativeId, p.SellerId, p.Status });
        // The shop: listed products newest first, by price, by name; within a category or a county (measured: README).
        builder.HasIndex(p => new { p.Status, p.ListedAt });
        builder.HasIndex(p => new { p.Status, p.ListPriceFen });
        builder.HasIndex(p => new { p.Status, p.Name });
        builder.HasIndex(p => new { p.Status, p.Category, p.ListedAt });
        builder.HasIndex(p => new { p.Status, p.Category, p.ListPriceFen });
        builder.HasIndex(p => new { p.Status, p.Category, p.Name });
        builder.HasIndex(p => new { p.Status, p.OriginCounty, p.ListedAt });
        builder.HasIndex(p => new { p.Status, p.OriginCounty, p.ListPriceFen });
        builder.HasIndex(p => new { p.Status, p.OriginCounty, p.Name });
    }
}

internal sealed class ProductPhotoConfiguration : IEntityTypeConfiguration<ProductPhoto>
{
    public void Configure(EntityTypeBuilder<ProductPhoto> builder)
    {
        builder.ToTable("ProductPhotos");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Id).ValueGeneratedNever();
        builder.Property(p => p.ContentHash).HasMaxLength(64);
        builder.HasIndex(p => p.ContentHash);
    }
}

internal sealed class StockAdjustmentConfiguration : IEntityTypeConfiguration<StockAdjustment>
{
    public void Configure(EntityTypeBuilder<StockAdjustment> builder)
    {
        builder.ToTable("StockAdjustments");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.HasIndex(a => new { a.ProductId, a.Sequence }).IsUnique();
        builder.Property(a => a.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(a => a.Delta).HasPrecision(18, 3);
        builder.Property(a => a.StockOnHand).HasPrecision(18, 3);
        builder.Property(a => a.Note).HasMaxLength(200);
    }
}

internal sealed class BatchConfiguration : IEntityTypeConfiguration<Batch>
{
    public void Configure(EntityTypeBuilder<Batch> builder)
    {
        builder.ToTable("Batches");
        builder.HasKey(b => b.Id);
        builder.Property(b => b.Id).ValueGeneratedNever();
        builder.Property(b => b.Code).HasMaxLength(32);
        builder.Property(b => b.CodeKey).HasMaxLength(32);
        builder.HasIndex(b => new { b.CooperativeId, b.CodeKey }).IsUnique();
        builder.HasIndex(b => b.ProductId);
        builder.Property(b => b.Village).HasMaxLength(50);
        builder.Property(b => b.QuantityProduced).HasPrecision(18, 3);
        builder.Property(b => b.Note).HasMaxLength(200);
    }
}

internal sealed class LivestreamEventConfiguration : IEntityTypeConfiguration<LivestreamEvent>
{
    public void Configure(EntityTypeBuilder<LivestreamEvent> builder)
    {
        builder.ToTable("LivestreamEvents");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Title).HasMaxLength(100);
        builder.Property(e => e.Platform).HasConversion<string>().HasMaxLength(20);
        builder.Property(e => e.StreamUrl).HasMaxLength(300);
        builder.Property(e => e.Status).HasConversion<string>().HasMaxLength(20);
        builder.HasMany(e => e.Featured).WithOne().HasForeignKey(f => f.EventId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(e => e.Featured).HasField("_featured").UsePropertyAccessMode(PropertyAccessMode.Field);
        // The host's console and the shop's upcoming and live events.
        builder.HasIndex(e => new { e.CooperativeId, e.PlannedStart });
        builder.HasIndex(e => new { e.Status, e.PlannedStart });
    }
}

internal sealed class FeaturedProductConfiguration : IEntityTypeConfiguration<FeaturedProduct>
{
    public void Configure(EntityTypeBuilder<FeaturedProduct> builder)
    {
        builder.ToTable("FeaturedProducts");
        builder.HasKey(f => new { f.EventId, f.ProductId });
        builder.Ignore(f => f.LivestreamPrice);
        builder.Property(f => f.QuantityCap).HasPrecision(18, 3);
        builder.HasIndex(f => f.ProductId);
    }
}

internal sealed class GrowerCertificateConfiguration : IEntityTypeConfiguration<GrowerCertificate>
{
    public void Configure(EntityTypeBuilder<GrowerCertificate> builder)
    {
        builder.ToTable("GrowerCertificates");
        builder.HasKey(c => c.Code);
        builder.Property(c => c.Code).HasMaxLength(16);
        builder.Property(c => c.CourseTitle).HasMaxLength(100);
        builder.Property(c => c.Topic).HasMaxLength(60);
        builder.HasIndex(c => c.MemberId);
    }
}
