using RuralCommerce.Catalog.Domain.Products;

namespace RuralCommerce.Catalog.Features.Common;

/// <summary>One kept stock change: <c>delta</c> in units of sale, <c>stockOnHand</c> after it, numbered per product.</summary>
internal sealed record StockAdjustmentResponse(
    Guid AdjustmentId, Guid ProductId, long Sequence, string Reason, decimal Delta, decimal StockOnHand, Guid? BatchId, string? Note, Guid ByMemberId, DateTimeOffset At);

internal static class StockAdjustmentResponses
{
    public static StockAdjustmentResponse ToResponse(this StockAdjustment a) =>
        new(a.Id, a.ProductId.Value, a.Sequence, a.Kind.ToString(), a.Delta, a.StockOnHand, a.BatchId, a.Note, a.ByMemberId, a.At);
}
