using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using RuralCommerce.Catalog.Contracts;
using RuralCommerce.Catalog.Domain.Batches;
using RuralCommerce.Catalog.Domain.Livestreams;
using RuralCommerce.Catalog.Domain.Members;
using RuralCommerce.Catalog.Domain.Products;
using RuralCommerce.Shared.Infrastructure.Persistence;
using RuralCommerce.SharedKernel;

namespace RuralCommerce.Catalog.Persistence;

internal abstract class CatalogDbContext(DbContextOptions options) : ModuleDbContext(options)
{
    internal const string SchemaName = "catalog";

    public override string Schema => SchemaName;

    public DbSet<Cooperative> Cooperatives => Set<Cooperative>();

    public DbSet<Member> Members => Set<Member>();

    public DbSet<GrowerCertificate> GrowerCertificates => Set<GrowerCertificate>();

    public DbSet<Product> Products => Set<Product>();

    public DbSet<StockAdjustment> StockAdjustments => Set<StockAdjustment>();

    public DbSet<OrderHold> OrderHolds => Set<OrderHold>();

    public DbSet<Batch> Batches => Set<Batch>();

    public DbSet<LivestreamEvent> LivestreamEvents => Set<LivestreamEvent>();

    public DbSet<FeaturedProduct> FeaturedProducts => Set<FeaturedProduct>();

    /// <summary>What other modules hear of this one; the rows commit with the change that raised them.</summary>
    protected override IEnumerable<IntegrationEvent> ToIntegrationEvents(IDomainEvent domainEvent) => domainEvent switch
    {
        ProductListed { Product: var p } =>
        [
            new ProductListedIntegrationEvent(
                p.Id.Value, p.CooperativeId, p.SellerId, p.Code, p.Name, p.Category.ToString(), p.Unit.ToString(), p.ListPriceFen),
        ],
        ProductChanged { Product: var p } =>
            [new ProductChangedIntegrationEvent(p.Id.Value, p.Name, p.Category.ToString(), p.Unit.ToString(), p.ListPriceFen)],
        ProductDelisted { Product: var p } => [new ProductDelistedIntegrationEvent(p.Id.Value, p.DelistReason!.Value.ToString())],
        StockAdjusted { Product: var p, Adjustment: var a } =>
            [new StockAdjustedIntegrationEvent(p.Id.Value, p.CooperativeId, a.Delta, a.StockOnHand, a.Sequence, a.Kind.ToString())],
        BatchRegistered { Batch: var b } =>
        [
            new BatchRegisteredIntegrationEvent(
                b.Id, b.ProductId.Value, b.CooperativeId, b.SellerId, b.Code, b.HarvestedOn, b.Village, b.QuantityProduced),
        ],
        LivestreamScheduled { Event: var e } =>
        [
            new LivestreamScheduledIntegrationEvent(
                e.Id.Value, e.CooperativeId, e.HostMemberId, e.Title, e.PlannedStart, e.PlannedEnd, e.Platform.ToString()),
        ],
        LivestreamStatusChanged { Event: { Status: LivestreamStatus.Live } e } =>
            [new LivestreamStartedIntegrationEvent(e.Id.Value, e.CooperativeId, e.HostMemberId, e.StartedAt!.Value)],
        LivestreamStatusChanged { Event: { Status: LivestreamStatus.Ended } e } => [new LivestreamEndedIntegrationEvent(e.Id.Value, e.EndedAt!.Value)],
        LivestreamStatusChanged { Event: { Status: LivestreamStatus.Cancelled } e } => [new LivestreamCancelledIntegrationEvent(e.Id.Value)],
        ProductFeatured { Event: var e, Product: var f } =>
            [new ProductFeaturedIntegrationEvent(e.Id.Value, f.ProductId.Value, f.LivestreamPriceFen, f.QuantityCap)],
        ProductUnfeatured e => [new ProductUnfeaturedIntegrationEvent(e.Event.Id.Value, e.ProductId.Value)],
        ProductPinned e => [new ProductPinnedIntegrationEvent(e.Event.Id.Value, e.ProductId.Value)],
        _ => [],
    };
}

/// <summary>The embedded default; migrations in Persistence/Migrations/Sqlite.</summary>
internal sealed class SqliteCatalogDbContext(DbContextOptions<SqliteCatalogDbContext> options) : CatalogDbContext(options);

/// <summary>Production; migrations in Persistence/Migrations/SqlServer.</summary>
internal sealed class SqlServerCatalogDbContext(DbContextOptions<SqlServerCatalogDbContext> options) : CatalogDbContext(options);
