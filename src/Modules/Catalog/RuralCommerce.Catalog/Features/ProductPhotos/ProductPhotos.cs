using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;
using RuralCommerce.Catalog.Domain.Products;
using RuralCommerce.Catalog.Features.Common;
using RuralCommerce.Catalog.Persistence;
using RuralCommerce.Shared.Infrastructure.Files;
using RuralCommerce.Shared.Infrastructure.Security;
using RuralCommerce.Shared.Infrastructure.Web;
using RuralCommerce.SharedKernel;

namespace RuralCommerce.Catalog.Features.ProductPhotos;

internal sealed record ReorderPhotosRequest([property: Required] IReadOnlyList<Guid>? PhotoIds);

internal static partial class ProductPhotosEndpoints
{
    /// <summary>Room for a 5 MB photo and the multipart framing around it.</summary>
    private const long UploadBodyLimit = 6 * 1024 * 1024;

    public static void MapProductPhotos(this IEndpointRouteBuilder group)
    {
        group.MapPost(CatalogApiPaths.Photos, UploadAsync)
            .RequireAuthorization(AuthorizationPolicies.CooperativeSeller)
            // Bearer-token API: no cookie rides along, so there is no cross-site form to guard against.
            .DisableAntiforgery()
            .WithRequestBodyLimit(UploadBodyLimit)
            .Accepts<IFormFile>("multipart/form-data")
            .WithName("UploadProductPhoto")
            .WithSummary("The seller adds a photo (JPEG, PNG or WebP up to 5 MB, in the form field \"file\") to their product; up to 9.")
            .WithDescription("Only the product's own seller. The content decides: a renamed text file or a truncated image is 400 and nothing " +
                "is stored. The photo is re-encoded (WebP, at most 1200 px, and a 240 px thumbnail), turned upright, and served from a " +
                "content address that never changes. A tenth photo is 409.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        group.MapDelete(CatalogApiPaths.Photo, RemoveAsync)
            .RequireAuthorization(AuthorizationPolicies.CooperativeSeller)
            .WithName("RemoveProductPhoto")
            .WithSummary("The seller removes a photo from their product; the others keep their order.")
            .WithDescription("Only the product's own seller.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPut(CatalogApiPaths.PhotoOrder, ReorderAsync)
            .RequireAuthorization(AuthorizationPolicies.CooperativeSeller)
            .WithName("ReorderProductPhotos")
            .WithSummary("The seller orders their product's photos; the first is the one the shop shows.")
            .WithDescription("Only the product's own seller. The list must name every photo of the product once (409).")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        group.MapGet(CatalogApiPaths.PhotoFile, Serve)
            .AllowAnonymous()
            .WithName("GetPhotoFile")
            .WithSummary("A stored photo or thumbnail (WebP), cached by browsers for a year: its address names its content.")
            .WithDescription("Anyone. {file} is a name from a product's photo URLs.")
            .Produces(StatusCodes.Status200OK, contentType: "image/webp")
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    internal static async Task<Created<PhotoResponse>> UploadAsync(
        Guid cooperativeId, Guid productId, IFormFile? file, ClaimsPrincipal caller, CatalogDbContext db, IFileStore files,
        PhotoDecoder decoder, IOptions<CatalogOptions> options, TimeProvider clock, CancellationToken cancellationToken)
    {
        var product = await db.FindOwnProductAsync(caller, cooperativeId, productId, cancellationToken);
        var photo = await AddPhotoAsync(product, file, files, decoder, options.Value, clock, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created(PhotoUrls.Full(photo.ContentHash), photo.ToResponse());
    }

    /// <summary>
    /// Checks and stores the upload, then adds it to the product (the caller saves). Files are stored before the row
    /// commits: a failed save leaves an unused file named by its content, which the same upload later reuses.
    /// </summary>
    public static async Task<ProductPhoto> AddPhotoAsync(
        Product product, IFormFile? file, IFileStore files, PhotoDecoder decoder, CatalogOptions options, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (file is null || file.Length == 0)
        {
            throw new RequestValidationException("file", "Choose a photo to upload.");
        }

        if (file.Length > options.MaxPhotoBytes)
        {
            throw new RequestValidationException("file", $"A photo may be at most {options.MaxPhotoBytes / (1024 * 1024)} MB.");
        }

        // The rule is checked before the work of decoding, and again by the product when the photo is added.
        if (product.Photos.Count >= Product.MaxPhotos)
        {
            throw new BusinessRuleValidationException(new ProductHasAtMostNinePhotosRule(product.Photos.Count));
        }

        using var buffer = new MemoryStream((int)file.Length);
        await file.CopyToAsync(buffer, cancellationToken);
        var processed = await decoder.ProcessAsync(buffer.ToArray(), cancellationToken);
        await files.SaveAsync(PhotoKey(processed.ContentHash + PhotoUrls.FullSuffix), processed.Full, cancellationToken);
        await files.SaveAsync(PhotoKey(processed.ContentHash + PhotoUrls.ThumbnailSuffix), processed.Thumbnail, cancellationToken);
        return product.AddPhoto(NewId.Next(clock), processed.ContentHash, processed.Width, processed.Height, clock.GetUtcNow());
    }

    internal static async Task<NoContent> RemoveAsync(
        Guid cooperativeId, Guid productId, Guid photoId, ClaimsPrincipal caller, CatalogDbContext db, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var product = await db.FindOwnProductAsync(caller, cooperativeId, productId, cancellationToken);
        product.RemovePhoto(photoId, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.NoContent();
    }

    internal static async Task<Ok<ProductResponse>> ReorderAsync(
        Guid cooperativeId, Guid productId, ReorderPhotosRequest request, ClaimsPrincipal caller, CatalogDbContext db, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        if (request.PhotoIds is null)
        {
            throw new RequestValidationException("photoIds", "photoIds is required.");
        }

        var product = await db.FindOwnProductAsync(caller, cooperativeId, productId, cancellationToken);
        product.ReorderPhotos(request.PhotoIds, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(product.ToResponse());
    }

    internal static IResult Serve(string file, HttpContext http, IFileStore files) =>
        StoredFiles.Serve(files, PhotoFileName().IsMatch(file) ? PhotoKey(file) : null, file, "image/webp", "Photo", http);

    private static string PhotoKey(string fileName) => StoredFiles.Key("catalog/photos", fileName);

    [GeneratedRegex("^[0-9a-f]{64}(\\.thumb)?\\.webp$")]
    private static partial Regex PhotoFileName();
}
