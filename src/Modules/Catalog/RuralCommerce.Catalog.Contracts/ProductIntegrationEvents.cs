using RuralCommerce.SharedKernel;

namespace RuralCommerce.Catalog.Contracts;

/// <summary>Something happened to one product: delivered in order per product (stock deltas in sequence).</summary>
public abstract record ProductIntegrationEvent(Guid ProductId) : IntegrationEvent
{
    public override string PartitionKey => $"product:{ProductId}";
}

/// <summary>
/// A product entered the shop (first time or again). Prices are whole fen; <paramref name="Unit"/> is the unit of sale
/// (Kilogram, Jin, Bottle, Box, Bag, Piece) and <paramref name="Code"/> the cooperative's product code, which
/// platform order imports match on.
/// </summary>
public sealed record ProductListedIntegrationEvent(
    Guid ProductId, Guid CooperativeId, Guid SellerId, string Code, string Name, string Category, string Unit, long ListPriceFen)
    : ProductIntegrationEvent(ProductId);

/// <summary>A listed product's name, category, unit or list price changed.</summary>
public sealed record ProductChangedIntegrationEvent(Guid ProductId, string Name, string Category, string Unit, long ListPriceFen)
    : ProductIntegrationEvent(ProductId);

/// <summary>
/// A product left the shop and can no longer be bought. <paramref name="Reason"/>: BySeller, ByAdministrator,
/// SellerLeft, SellerSuspended, SellerRoleRevoked, CooperativeSuspended or CooperativeDissolved.
/// </summary>
public sealed record ProductDelistedIntegrationEvent(Guid ProductId, string Reason)
    : ProductIntegrationEvent(ProductId);

/// <summary>
/// The seller's stock on hand changed by <paramref name="Delta"/> units of sale. <paramref name="Sequence"/> numbers a
/// product's adjustments from 1 without gaps: a consumer applies sequence n only after n − 1, and never twice.
/// <paramref name="Reason"/>: Restock, Spoilage or Count.
/// </summary>
public sealed record StockAdjustedIntegrationEvent(
    Guid ProductId, Guid CooperativeId, decimal Delta, decimal DeclaredQuantity, long Sequence, string Reason)
    : ProductIntegrationEvent(ProductId);

/// <summary>A harvest batch of a product was registered; its trace page exists from now on.</summary>
public sealed record BatchRegisteredIntegrationEvent(
    Guid BatchId, Guid ProductId, Guid CooperativeId, Guid SellerId, string Code, DateOnly HarvestedOn, string Village, decimal QuantityProduced)
    : ProductIntegrationEvent(ProductId);
