using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using RuralCommerce.Catalog.Domain.Products;
using RuralCommerce.Catalog.Features.Common;
using RuralCommerce.Catalog.Persistence;
using RuralCommerce.SharedKernel;

namespace RuralCommerce.Catalog.Features.GetShopProduct;

internal sealed record ShopSeller(Guid SellerId, string Name, string Village);

/// <summary>
/// A product page: <c>buyable</c> is false once the product left the shop (an old link still says what it was);
/// <c>live</c> names the live event featuring it and the price it sells at there.
/// </summary>
internal sealed record ShopProductResponse(
    Guid ProductId, Guid CooperativeId, string CooperativeName, string County, string Name, string Category, string Description, string Unit,
    NetContentDto? NetContent, decimal ListPrice, decimal Available, bool Buyable, string OriginCounty, string OriginVillage, ShopSeller Seller,
    IReadOnlyList<PhotoResponse> Photos, IReadOnlyList<BatchResponse> Batches, LiveOffer? Live);

internal static class GetShopProductEndpoint
{
    private const int BatchesShown = 10;

    public static void MapGetShopProduct(this IEndpointRouteBuilder group) =>
        group.MapGet(CatalogApiPaths.ShopProduct, HandleAsync)
            .AllowAnonymous()
            .WithName("GetShopProduct")
            .WithSummary("A product's page in the shop: photos, the grower, the latest harvest batches with their trace pages.")
            .WithDescription("Anyone. A draft is 404; a delisted product answers with buyable = false.")
            .ProducesProblem(StatusCodes.Status404NotFound);

    internal static async Task<Ok<ShopProductResponse>> HandleAsync(Guid productId, CatalogDbContext db, CancellationToken cancellationToken)
    {
        var product = await db.Products.Include(p => p.Photos).AsNoTracking()
            .SingleOrDefaultAsync(p => p.Id == new ProductId(productId) && p.Status != ProductStatus.Draft, cancellationToken)
            ?? throw new NotFoundException("Product", productId);
        var cooperative = await db.Cooperatives.AsNoTracking().SingleAsync(c => c.Id == product.CooperativeId, cancellationToken);
        var seller = await db.Members.AsNoTracking().SingleAsync(m => m.Id == product.SellerId, cancellationToken);
        var batches = await db.Batches.AsNoTracking().Where(b => b.ProductId == product.Id)
            .OrderByDescending(b => b.HarvestedOn).ThenByDescending(b => b.RegisteredAt).Take(BatchesShown).ToListAsync(cancellationToken);
        var held = await db.OrderHolds.AsNoTracking().Where(h => h.ProductId == product.Id).Select(h => h.Quantity).SingleOrDefaultAsync(cancellationToken);
        var live = product.Status == ProductStatus.Listed ? (await db.ForAsync([product], cancellationToken)).GetValueOrDefault(product.Id) : null;
        return TypedResults.Ok(new ShopProductResponse(
            product.Id.Value, cooperative.Id, cooperative.Name, cooperative.County, product.Name, product.Category.ToString(), product.Description,
            product.Unit.ToString(), product.NetContent.ToDto(), product.ListPrice.Amount, OrderHold.Available(product.StockOnHand, held), product.Status == ProductStatus.Listed,
            product.OriginCounty, product.OriginVillage, new ShopSeller(seller.Id, seller.Name, seller.Village),
            product.Photos.Select(p => p.ToResponse()).ToList(), batches.Select(b => b.ToResponse()).ToList(), live));
    }
}
