using RuralCommerce.Catalog.Features.AdjustStock;
using RuralCommerce.Catalog.Features.Common;
using RuralCommerce.Catalog.Features.CreateProduct;
using RuralCommerce.Catalog.Features.EditProduct;
using RuralCommerce.Catalog.Features.FeatureProducts;
using RuralCommerce.Catalog.Features.GetShopProduct;
using RuralCommerce.Catalog.Features.GetStorefront;
using RuralCommerce.Catalog.Features.ProductPhotos;
using RuralCommerce.Catalog.Features.RegisterBatch;
using RuralCommerce.Catalog.Features.ScheduleLivestream;
using RuralCommerce.Catalog.Features.SearchShop;
using RuralCommerce.Catalog.Features.TraceBatch;
using RuralCommerce.Shared.Infrastructure.Web;
using Paths = RuralCommerce.Catalog.CatalogApiPaths;

namespace RuralCommerce.TestSupport.Catalog;

/// <summary>The Catalog API as one person (or an anonymous buyer) uses it: one method per endpoint.</summary>
internal sealed class CatalogApi(HttpClient http) : ApiClient(http)
{
    public Task<Reply<ProductResponse>> CreateProduct(Guid cooperativeId, CreateProductRequest product, string? idempotencyKey = null) =>
        PostAsync<ProductResponse>(Paths.Url(Paths.Products, cooperativeId), product, idempotencyKey);

    public Task<Reply<ProductResponse>> EditProduct(Guid cooperativeId, Guid productId, EditProductRequest product) =>
        PutAsync<ProductResponse>(Paths.Url(Paths.Product, cooperativeId, productId), product);

    public Task<Reply<ProductResponse>> GetProduct(Guid cooperativeId, Guid productId) =>
        GetAsync<ProductResponse>(Paths.Url(Paths.Product, cooperativeId, productId));

    public Task<Reply<PagedResult<ProductResponse>>> ListProducts(Guid cooperativeId, string query = "") =>
        GetAsync<PagedResult<ProductResponse>>(Paths.Url(Paths.Products, cooperativeId) + query);

    public Task<Reply<ProductResponse>> List(Guid cooperativeId, Guid productId) =>
        PostAsync<ProductResponse>(Paths.Url(Paths.ListProduct, cooperativeId, productId));

    public Task<Reply<ProductResponse>> Delist(Guid cooperativeId, Guid productId) =>
        PostAsync<ProductResponse>(Paths.Url(Paths.DelistProduct, cooperativeId, productId));

    public Task<Reply<StockAdjustmentResponse>> AdjustStock(Guid cooperativeId, Guid productId, AdjustStockRequest adjustment, string? idempotencyKey = null) =>
        PostAsync<StockAdjustmentResponse>(Paths.Url(Paths.StockAdjustments, cooperativeId, productId), adjustment, idempotencyKey);

    public Task<Reply<PagedResult<StockAdjustmentResponse>>> StockHistory(Guid cooperativeId, Guid productId) =>
        GetAsync<PagedResult<StockAdjustmentResponse>>(Paths.Url(Paths.StockAdjustments, cooperativeId, productId));

    public Task<Reply<BatchResponse>> RegisterBatch(Guid cooperativeId, Guid productId, RegisterBatchRequest batch) =>
        PostAsync<BatchResponse>(Paths.Url(Paths.Batches, cooperativeId, productId), batch);

    public Task<Reply<IReadOnlyList<BatchResponse>>> Batches(Guid cooperativeId, Guid productId) =>
        GetAsync<IReadOnlyList<BatchResponse>>(Paths.Url(Paths.Batches, cooperativeId, productId));

    public Task<Reply<TraceResponse>> Trace(Guid cooperativeId, string batchCode) =>
        GetAsync<TraceResponse>(Paths.Url(Paths.Trace, cooperativeId, batchCode));

    public Task<Reply<ShopResults>> Search(string query = "") =>
        GetAsync<ShopResults>(Paths.Url(Paths.ShopProducts) + query);

    public Task<Reply<ShopProductResponse>> ShopProduct(Guid productId) =>
        GetAsync<ShopProductResponse>(Paths.Url(Paths.ShopProduct, productId));

    public Task<Reply<StorefrontResponse>> Storefront(Guid cooperativeId, string query = "") =>
        GetAsync<StorefrontResponse>(Paths.Url(Paths.Storefront, cooperativeId) + query);

    public Task<Reply<LivestreamResponse>> ScheduleLivestream(Guid cooperativeId, LivestreamPlanRequest plan) =>
        PostAsync<LivestreamResponse>(Paths.Url(Paths.Livestreams, cooperativeId), plan);

    public Task<Reply<LivestreamResponse>> ReplanLivestream(Guid cooperativeId, Guid eventId, LivestreamPlanRequest plan) =>
        PutAsync<LivestreamResponse>(Paths.Url(Paths.Livestream, cooperativeId, eventId), plan);

    public Task<Reply<LivestreamResponse>> StartLivestream(Guid cooperativeId, Guid eventId) =>
        PostAsync<LivestreamResponse>(Paths.Url(Paths.StartLivestream, cooperativeId, eventId));

    public Task<Reply<LivestreamResponse>> EndLivestream(Guid cooperativeId, Guid eventId) =>
        PostAsync<LivestreamResponse>(Paths.Url(Paths.EndLivestream, cooperativeId, eventId));

    public Task<Reply<LivestreamResponse>> CancelLivestream(Guid cooperativeId, Guid eventId) =>
        PostAsync<LivestreamResponse>(Paths.Url(Paths.CancelLivestream, cooperativeId, eventId));

    public Task<Reply<LivestreamResponse>> Feature(Guid cooperativeId, Guid eventId, Guid productId, decimal? livestreamPrice = null, decimal? cap = null) =>
        PutAsync<LivestreamResponse>(Paths.Url(Paths.FeaturedProduct, cooperativeId, eventId, productId), new FeatureProductRequest(livestreamPrice, cap));

    public Task<Reply<LivestreamResponse>> Unfeature(Guid cooperativeId, Guid eventId, Guid productId) =>
        DeleteAsync<LivestreamResponse>(Paths.Url(Paths.FeaturedProduct, cooperativeId, eventId, productId));

    public Task<Reply<LivestreamResponse>> Pin(Guid cooperativeId, Guid eventId, Guid productId) =>
        PutAsync<LivestreamResponse>(Paths.Url(Paths.PinnedProduct, cooperativeId, eventId), new PinProductRequest(productId));

    public Task<Reply<PagedResult<LivestreamResponse>>> Livestreams(Guid cooperativeId, string query = "") =>
        GetAsync<PagedResult<LivestreamResponse>>(Paths.Url(Paths.Livestreams, cooperativeId) + query);

    public Task<Reply<IReadOnlyList<LivestreamResponse>>> ShopLivestreams(string query = "") =>
        GetAsync<IReadOnlyList<LivestreamResponse>>(Paths.Url(Paths.ShopLivestreams) + query);

    public Task<Reply<LivestreamResponse>> ShopLivestream(Guid eventId) =>
        GetAsync<LivestreamResponse>(Paths.Url(Paths.ShopLivestream, eventId));

    public Task<Reply<ProductResponse>> ReorderPhotos(Guid cooperativeId, Guid productId, IReadOnlyList<Guid> photoIds) =>
        PutAsync<ProductResponse>(Paths.Url(Paths.PhotoOrder, cooperativeId, productId), new ReorderPhotosRequest(photoIds));

    public Task<Reply<object>> RemovePhoto(Guid cooperativeId, Guid productId, Guid photoId) =>
        DeleteAsync<object>(Paths.Url(Paths.Photo, cooperativeId, productId, photoId));

    public Task<Reply<PhotoResponse>> UploadPhoto(Guid cooperativeId, Guid productId, byte[] content, string fileName, string contentType)
    {
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(contentType);
        form.Add(file, "file", fileName);
        return PostContentAsync<PhotoResponse>(Paths.Url(Paths.Photos, cooperativeId, productId), form);
    }
}
