using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RuralCommerce.Orders.Domain.Buyers;
using RuralCommerce.Orders.Domain.Livestreams;
using RuralCommerce.Orders.Domain.Logistics;
using RuralCommerce.Orders.Domain.Orders;
using RuralCommerce.Orders.Domain.Payments;
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
        builder.Property(o => o.Platform).HasMaxLength(30);
        builder.Property(o => o.PlatformOrderNumber).HasMaxLength(64);
        // A platform's order is imported once, however often its export is uploaded.
        builder.HasIndex(o => new { o.Platform, o.PlatformOrderNumber }).IsUnique().HasFilter("PlatformOrderNumber IS NOT NULL");
        builder.Ignore(o => o.Total);
        builder.ComplexProperty(o => o.Delivery, DeliveryColumns.Map);
        builder.HasMany(o => o.Lines).WithOne().HasForeignKey("OrderId").OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(o => o.Lines).HasField("_lines").UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasMany(o => o.Transitions).WithOne().HasForeignKey("OrderId").OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(o => o.Transitions).HasField("_transitions").UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasMany(o => o.Payments).WithOne().HasForeignKey("OrderId").OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(o => o.Payments).HasField("_payments").UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasMany(o => o.Refunds).WithOne().HasForeignKey("OrderId").OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(o => o.Refunds).HasField("_refunds").UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasMany(o => o.Shipments).WithOne().HasForeignKey("OrderId").OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(o => o.Shipments).HasField("_shipments").UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasMany(o => o.RefundRequests).WithOne().HasForeignKey("OrderId").OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(o => o.RefundRequests).HasField("_refundRequests").UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasIndex(o => new { o.BuyerAccountId, o.PlacedAt });
        // The completion job's scan: delivered orders, oldest delivery first.
        builder.HasIndex(o => new { o.Status, o.DeliveredAt });
        // The expiry job's scan: unpaid orders, oldest first.
        builder.HasIndex(o => new { o.Status, o.PlacedAt });
        builder.HasIndex(o => new { o.LivestreamId, o.PlacedAt });
    }
}

internal static class DeliveryColumns
{
    public static void Map(ComplexPropertyBuilder<DeliveryAddress> address)
    {
        address.Property(a => a.Recipient).HasColumnName("Recipient").HasMaxLength(50);
        address.Property(a => a.Phone).HasColumnName("RecipientPhone");
        address.Property(a => a.Province).HasColumnName("Province").HasMaxLength(50);
        address.Property(a => a.County).HasColumnName("County").HasMaxLength(50);
        address.Property(a => a.Township).HasColumnName("Township").HasMaxLength(50);
        address.Property(a => a.Village).HasColumnName("Village").HasMaxLength(50);
        address.Property(a => a.Detail).HasColumnName("AddressDetail").HasMaxLength(200);
    }
}

internal sealed class OrderPaymentConfiguration : IEntityTypeConfiguration<OrderPayment>
{
    public void Configure(EntityTypeBuilder<OrderPayment> builder)
    {
        builder.ToTable("OrderPayments");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Id).ValueGeneratedNever();
        builder.Property(p => p.TransactionId).HasMaxLength(64);
        builder.HasIndex(p => p.TransactionId).IsUnique();
    }
}

internal sealed class OrderRefundConfiguration : IEntityTypeConfiguration<OrderRefund>
{
    public void Configure(EntityTypeBuilder<OrderRefund> builder)
    {
        builder.ToTable("OrderRefunds");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.Reason).HasConversion<string>().HasMaxLength(30);
        builder.Property(r => r.ProviderReference).HasMaxLength(64);
        // The refund job's scan: refunds still owed.
        builder.HasIndex(r => r.RefundedAt);
    }
}

internal sealed class LiveEventConfiguration : IEntityTypeConfiguration<LiveEvent>
{
    public void Configure(EntityTypeBuilder<LiveEvent> builder)
    {
        builder.ToTable("LiveEvents");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Id).ValueGeneratedNever();
        builder.Property(e => e.Title).HasMaxLength(100);
        builder.Property(e => e.Status).HasConversion<string>().HasMaxLength(20);
    }
}

internal sealed class LiveOfferConfiguration : IEntityTypeConfiguration<LiveOffer>
{
    public void Configure(EntityTypeBuilder<LiveOffer> builder)
    {
        builder.ToTable("LiveOffers");
        builder.HasKey(o => new { o.LivestreamId, o.ProductId });
    }
}

internal sealed class SavedAddressConfiguration : IEntityTypeConfiguration<SavedAddress>
{
    public void Configure(EntityTypeBuilder<SavedAddress> builder)
    {
        builder.ToTable("SavedAddresses");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.ComplexProperty(a => a.Address, DeliveryColumns.Map);
        builder.HasIndex(a => new { a.AccountId, a.SavedAt });
    }
}

internal sealed class CartLineConfiguration : IEntityTypeConfiguration<CartLine>
{
    public void Configure(EntityTypeBuilder<CartLine> builder)
    {
        builder.ToTable("CartLines");
        builder.HasKey(l => new { l.AccountId, l.ProductId });
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

internal sealed class ShipmentConfiguration : IEntityTypeConfiguration<Shipment>
{
    public void Configure(EntityTypeBuilder<Shipment> builder)
    {
        builder.ToTable("Shipments");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(s => s.Carrier).HasMaxLength(50);
        builder.Property(s => s.TrackingNumber).HasMaxLength(50);
        // The seller's packing list and the centre's queue, by status.
        builder.HasIndex(s => new { s.CooperativeId, s.SellerId, s.Status });
        builder.HasIndex(s => new { s.LogisticsCentreId, s.Status });
    }
}

internal sealed class LogisticsCentreConfiguration : IEntityTypeConfiguration<LogisticsCentre>
{
    public void Configure(EntityTypeBuilder<LogisticsCentre> builder)
    {
        builder.ToTable("LogisticsCentres");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.Name).HasMaxLength(100);
        builder.Property(c => c.Province).HasMaxLength(50);
        builder.Property(c => c.County).HasMaxLength(50);
        builder.Property(c => c.Address).HasMaxLength(200);
        builder.HasIndex(c => new { c.Province, c.County }).IsUnique();
        builder.HasMany(c => c.Operators).WithOne().HasForeignKey("LogisticsCentreId").OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(c => c.Operators).HasField("_operators").UsePropertyAccessMode(PropertyAccessMode.Field).AutoInclude();
    }
}

internal sealed class CentreOperatorConfiguration : IEntityTypeConfiguration<CentreOperator>
{
    public void Configure(EntityTypeBuilder<CentreOperator> builder)
    {
        builder.ToTable("LogisticsCentreOperators");
        builder.HasKey(o => o.Id);
        builder.Property(o => o.Id).ValueGeneratedNever();
        builder.HasIndex("LogisticsCentreId", nameof(CentreOperator.AccountId)).IsUnique();
        builder.HasIndex(o => o.AccountId);
    }
}

internal sealed class CooperativeLocationConfiguration : IEntityTypeConfiguration<CooperativeLocation>
{
    public void Configure(EntityTypeBuilder<CooperativeLocation> builder)
    {
        builder.ToTable("CooperativeLocations");
        builder.HasKey(c => c.CooperativeId);
        builder.Property(c => c.Province).HasMaxLength(50);
        builder.Property(c => c.County).HasMaxLength(50);
    }
}

internal sealed class CooperativePayeeConfiguration : IEntityTypeConfiguration<CooperativePayee>
{
    public void Configure(EntityTypeBuilder<CooperativePayee> builder)
    {
        builder.ToTable("CooperativePayees");
        builder.HasKey(p => p.CooperativeId);
        builder.Property(p => p.WeChatPaySubMerchantId).HasMaxLength(32);
        builder.Property(p => p.AlipayMerchantId).HasMaxLength(16);
        // One merchant account is one cooperative's: a second would send its buyers' money to the first.
        builder.HasIndex(p => p.WeChatPaySubMerchantId).IsUnique();
        builder.HasIndex(p => p.AlipayMerchantId).IsUnique();
    }
}

internal sealed class VerifiedAccountConfiguration : IEntityTypeConfiguration<VerifiedAccount>
{
    public void Configure(EntityTypeBuilder<VerifiedAccount> builder)
    {
        builder.ToTable("VerifiedAccounts");
        builder.HasKey(a => a.AccountId);
        builder.Property(a => a.AccountId).ValueGeneratedNever();
    }
}

internal sealed class RefundRequestConfiguration : IEntityTypeConfiguration<RefundRequest>
{
    public void Configure(EntityTypeBuilder<RefundRequest> builder)
    {
        builder.ToTable("RefundRequests");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.Reason).HasMaxLength(500);
        builder.Property(r => r.Note).HasMaxLength(500);
        builder.HasMany(r => r.Lines).WithOne().HasForeignKey("RefundRequestId").OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(r => r.Lines).HasField("_lines").UsePropertyAccessMode(PropertyAccessMode.Field).AutoInclude();
        // The administrator's list: a cooperative's requests by status.
        builder.HasIndex(r => new { r.CooperativeId, r.Status, r.RequestedAt });
    }
}

internal sealed class RefundRequestLineConfiguration : IEntityTypeConfiguration<RefundRequestLine>
{
    public void Configure(EntityTypeBuilder<RefundRequestLine> builder)
    {
        builder.ToTable("RefundRequestLines");
        builder.HasKey(l => l.Id);
        builder.Ignore(l => l.Quantity);
    }
}
