using System.Net;
using SkiaSharp;

namespace RuralCommerce.Catalog.Tests;

public sealed class PhotoApiTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    /// <summary>A real photo as a phone would send it: a JPEG of the given size with some content to compress.</summary>
    internal static byte[] Jpeg(int width = 3000, int height = 2000, SKColor? colour = null)
    {
        using var bitmap = new SKBitmap(width, height);
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(colour ?? new SKColor(0x8B, 0x5A, 0x2B));
            using var paint = new SKPaint { Color = SKColors.Beige };
            canvas.DrawCircle(width / 2f, height / 2f, Math.Min(width, height) / 3f, paint);
        }

        using var image = SKImage.FromBitmap(bitmap);
        using var data = image.Encode(SKEncodedImageFormat.Jpeg, 85);
        return data.ToArray();
    }

    private int StoredFiles() =>
        Directory.Exists(Path.Combine(factory.DataDirectory, "files")) ? Directory.GetFiles(Path.Combine(factory.DataDirectory, "files"), "*", SearchOption.AllDirectories).Length : 0;

    [Fact]
    public async Task A_phone_photo_is_re_encoded_bounded_with_a_thumbnail_and_served_with_long_caching()
    {
        var scenario = await CatalogScenario.CreateAsync(factory);
        var seller = await scenario.AddSellerAsync();
        var product = await scenario.ListedProductAsync(seller);

        var reply = await seller.Catalog.UploadPhoto(scenario.CooperativeId, product.ProductId, Jpeg(), "IMG_2041.jpg", "image/jpeg");

        Assert.Equal(HttpStatusCode.Created, reply.Status);
        var photo = reply.Body;
        Assert.Equal((1200, 800), (photo.Width, photo.Height));
        var anonymous = factory.CreateClient();
        using var full = await anonymous.GetAsync(new Uri(photo.Url, UriKind.Relative));
        Assert.Equal("image/webp", full.Content.Headers.ContentType?.MediaType);
        Assert.Contains("immutable", full.Headers.CacheControl?.ToString(), StringComparison.Ordinal);
        using (var decoded = SKBitmap.Decode(await full.Content.ReadAsByteArrayAsync()))
        {
            Assert.Equal((1200, 800), (decoded.Width, decoded.Height));
        }

        using var thumbnail = await anonymous.GetAsync(new Uri(photo.ThumbnailUrl, UriKind.Relative));
        using (var decoded = SKBitmap.Decode(await thumbnail.Content.ReadAsByteArrayAsync()))
        {
            Assert.Equal((240, 160), (decoded.Width, decoded.Height));
        }

        Assert.Equal(photo.ThumbnailUrl, (await scenario.Anonymous.Search($"?cooperativeId={scenario.CooperativeId}")).Body.Items.Single().ThumbnailUrl);
        Assert.Equal([photo.PhotoId], (await scenario.Anonymous.ShopProduct(product.ProductId)).Body.Photos.Select(p => p.PhotoId));
    }

    [Fact]
    public async Task A_renamed_text_file_a_truncated_image_and_an_oversized_one_are_refused_and_leave_nothing_behind()
    {
        var scenario = await CatalogScenario.CreateAsync(factory);
        var seller = await scenario.AddSellerAsync();
        var product = await scenario.ListedProductAsync(seller);
        var coop = scenario.CooperativeId;
        var before = StoredFiles();
        var jpeg = Jpeg(800, 600);

        var disguised = await seller.Catalog.UploadPhoto(coop, product.ProductId, "这不是照片 not a photo"u8.ToArray(), "photo.jpg", "image/jpeg");
        var truncated = await seller.Catalog.UploadPhoto(coop, product.ProductId, jpeg[..(jpeg.Length / 2)], "half.jpg", "image/jpeg");
        var garbageAfterMagic = await seller.Catalog.UploadPhoto(coop, product.ProductId, [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3], "x.png", "image/png");
        var oversized = new byte[(5 * 1024 * 1024) + 1];
        jpeg.CopyTo(oversized, 0);
        var tooLarge = await seller.Catalog.UploadPhoto(coop, product.ProductId, oversized, "huge.jpg", "image/jpeg");

        foreach (var refused in new[] { disguised, truncated, garbageAfterMagic, tooLarge })
        {
            Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
            Assert.Contains("file", refused.FieldErrors.Keys);
        }

        Assert.Equal(before, StoredFiles());
        Assert.Empty((await seller.Catalog.GetProduct(coop, product.ProductId)).Body.Photos);
    }

    [Fact]
    public async Task Nine_photos_at_most_in_the_sellers_order_and_only_the_seller_may_touch_them()
    {
        var scenario = await CatalogScenario.CreateAsync(factory);
        var seller = await scenario.AddSellerAsync();
        var rival = await scenario.AddSellerAsync("Wu Lan");
        var product = await scenario.ListedProductAsync(seller);
        var coop = scenario.CooperativeId;
        var photos = new List<Guid>();
        for (var i = 0; i < 9; i++)
        {
            photos.Add((await seller.Catalog.UploadPhoto(coop, product.ProductId, Jpeg(64, 48, new SKColor((byte)(i * 20), 80, 40)), $"{i}.jpg", "image/jpeg")).Body.PhotoId);
        }

        var tenth = await seller.Catalog.UploadPhoto(coop, product.ProductId, Jpeg(64, 48, SKColors.Red), "10.jpg", "image/jpeg");
        Assert.Equal("ProductHasAtMostNinePhotosRule", tenth.BrokenRule);
        Assert.Equal(HttpStatusCode.NotFound, (await rival.Catalog.UploadPhoto(coop, product.ProductId, Jpeg(64, 48), "r.jpg", "image/jpeg")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await rival.Catalog.RemovePhoto(coop, product.ProductId, photos[0])).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await rival.Catalog.ReorderPhotos(coop, product.ProductId, photos)).Status);

        photos.Reverse();
        Assert.Equal(photos, (await seller.Catalog.ReorderPhotos(coop, product.ProductId, photos)).Body.Photos.Select(p => p.PhotoId));
        Assert.Equal("PhotoOrderMustNameEveryPhotoOnceRule", (await seller.Catalog.ReorderPhotos(coop, product.ProductId, photos[1..])).BrokenRule);
        Assert.Equal(HttpStatusCode.NoContent, (await seller.Catalog.RemovePhoto(coop, product.ProductId, photos[0])).Status);
        Assert.Equal(photos[1..], (await seller.Catalog.GetProduct(coop, product.ProductId)).Body.Photos.Select(p => p.PhotoId));
    }

    [Fact]
    public async Task A_photo_address_that_names_no_stored_file_is_not_found()
    {
        var anonymous = factory.CreateClient();
        using var missing = await anonymous.GetAsync(new Uri(CatalogApiPaths.Url(CatalogApiPaths.PhotoFile, new string('a', 64) + ".webp"), UriKind.Relative));
        using var traversal = await anonymous.GetAsync(new Uri(CatalogApiPaths.Url(CatalogApiPaths.PhotoFile, "..%2F..%2Fkeys"), UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, traversal.StatusCode);
        Assert.DoesNotContain("immutable", missing.Headers.CacheControl?.ToString() ?? "", StringComparison.Ordinal);
    }
}
