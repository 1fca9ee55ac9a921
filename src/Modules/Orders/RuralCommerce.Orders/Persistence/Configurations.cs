using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RuralCommerce.Orders.Domain.Orders;
using RuralCommerce.Orders.Domain.Sellables;

namespace RuralCommerce.Orders.Persistence;

internal sealed class SellableProductConfiguration : IEntityTypeConfiguration<SellableProduct>
{
    public void Configure(EntityTypeBuilder<SellableProduct> builder)
    {
        builder.ToTable("SellableProducts");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Id).ValueGeneratedNever();
        builder.Property(p => p.Code).HasMaxLength(32);
        builder.Property(p => p.Name).HasMaxLength(100);
        builder.Property(p => p.Unit).HasMaxLength(20);
        builder.Ignore(p => p.Price);
        builder.Ignore(p => p.Available);
        builder.HasIndex(p => new { p.CooperativeId, p.Code });
    }
}

internal sealed class OrderConfiguration : IEntityTypeConfiguration<Order>
{
    public void Configure(EntityTypeBuilder<Order> builder)
    {
        builder.ToTable("Orders");
        builder.HasKey(o => o.Id);
        builder.Property(o => o.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(o => o.PaymentMethod).HasConversion<string>().HasMaxLength(20);
        builder.Property(o => o.Channel).HasConversion<string>().HasMaxLength(20);
        builder.Ignore(o => o.Total);
        builder.ComplexProperty(o => o.Delivery, address =>
        {
            address.Property(a => a.Recipient).HasColumnName("Recipient").HasMaxLength(50);
            address.Property(a => a.Phone).HasColumnName("RecipientPhone");
            address.Property(a => a.Province).HasColumnName("Province").HasMaxLength(50);
            address.Property(a => a.County).HasColumnName("County").HasMaxLength(50);
            address.Property(a => a.Township).HasColumnName("Township").HasMaxLength(50);
            address.Property(a => a.Village).HasColumnName("Village").HasMaxLength(50);
            address.Property(a => a.Detail).HasColumnName("AddressDetail").HasMaxLength(200);
        });
        builder.HasMany(o => o.Lines).WithOne().HasForeignKey("OrderId").OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(o => o.Lines).HasField("_lines").UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasMany(o => o.Transitions).WithOne().HasForeignKey("OrderId").OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(o => o.Transitions).HasField("_transitions").UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasIndex(o => new { o.BuyerAccountId, o.PlacedAt });
    }
}

internal sealed class OrderLineConfiguration : IEntityTypeConfiguration<OrderLine>
{
    public void Configure(EntityTypeBuilder<OrderLine> builder)
    {
        builder.ToTable("OrderLines");
        builder.HasKey(l => l.Id);
        builder.Property(l => l.ProductName).HasMaxLength(100);
        builder.Property(l => l.Unit).HasMaxLength(20);
        builder.Ignore(l => l.Quantity);
        builder.HasIndex(l => new { l.CooperativeId, l.ProductId });
    }
}

internal sealed class OrderTransitionConfiguration : IEntityTypeConfiguration<OrderTransition>
{
    public void Configure(EntityTypeBuilder<OrderTransition> builder)
    {
        builder.ToTable("OrderTransitions");
        builder.HasKey(t => t.Id);
        builder.Property(t => t.Id).ValueGeneratedNever();
        builder.Property(t => t.Status).HasConversion<string>().HasMaxLength(20);
    }
}
