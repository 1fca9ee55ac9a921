using RuralCommerce.Catalog.Domain.Batches;

namespace RuralCommerce.Catalog.Features.Common;

/// <summary>A harvest batch; <c>tracePath</c> is its public trace page, which its QR code points to.</summary>
internal sealed record BatchResponse(
    Guid BatchId, Guid ProductId, string Code, DateOnly HarvestedOn, string Village, decimal QuantityProduced, string? Note, DateTimeOffset RegisteredAt,
    string TracePath, string QrPngUrl, string QrSvgUrl);

internal static class BatchResponses
{
    /// <summary>The trace page (not the API): what the QR code on the bag opens.</summary>
    public static string TracePagePath(Guid cooperativeId, string code) =>
        "/trace/" + cooperativeId.ToString("D") + "/" + Uri.EscapeDataString(code);

    public static BatchResponse ToResponse(this Batch b) => new(
        b.Id, b.ProductId.Value, b.Code, b.HarvestedOn, b.Village, b.QuantityProduced, b.Note, b.RegisteredAt,
        TracePagePath(b.CooperativeId, b.Code),
        CatalogApiPaths.Url(CatalogApiPaths.TraceQrPng, b.CooperativeId, b.Code),
        CatalogApiPaths.Url(CatalogApiPaths.TraceQrSvg, b.CooperativeId, b.Code));
}
