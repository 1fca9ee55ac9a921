using System.Net;
using Microsoft.Extensions.DependencyInjection;
using RuralCommerce.Catalog.Features.Common;
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

    /// <summary>
    /// A 48 KB PNG claiming 7000 × 7000 pixels (just under the 50-megapixel ceiling) used to be taken, at 200 MB of
    /// memory to decode. PNG has no scaled decoding, so it is refused before a pixel is decoded; a phone's JPEG of
    /// any size is decoded straight to the size that is kept.
    /// </summary>
    [Fact]
    public async Task A_tiny_png_claiming_a_huge_canvas_is_refused_and_a_big_camera_jpeg_is_taken()
    {
        var scenario = await CatalogScenario.CreateAsync(factory);
        var seller = await scenario.AddSellerAsync();
        var product = await scenario.ListedProductAsync(seller);
        var bomb = PngBomb.Of(7000, 7000);

        var refused = await seller.Catalog.UploadPhoto(scenario.CooperativeId, product.ProductId, bomb, "bomb.png", "image/png");
        var camera = await seller.Catalog.UploadPhoto(scenario.CooperativeId, product.ProductId, Jpeg(6000, 4000), "IMG_0001.jpg", "image/jpeg");

        Assert.True(bomb.Length < 64 * 1024, $"{bomb.Length} bytes");
        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        Assert.Contains("too large", Assert.Single(refused.FieldErrors["file"]), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Created, camera.Status);
        Assert.Equal((1200, 800), (camera.Body.Width, camera.Body.Height));
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

/// <summary>One decoder per host and a short wait: the upload that finds it busy waits, then is told to come back.</summary>
public sealed class PhotoDecoderLimitTests
{
    [Fact]
    public async Task An_upload_that_finds_every_decoder_busy_waits_then_is_503_with_Retry_After_and_nothing_is_stored()
    {
        using var host = new ConfiguredHost(new Dictionary<string, string>
        {
            ["Photos:DecodesAtOnce"] = "1",
            ["Photos:DecodeWait"] = "00:00:00.500",
        });
        var scenario = await CatalogScenario.CreateAsync(host);
        var seller = await scenario.AddSellerAsync();
        var product = await scenario.ListedProductAsync(seller);
        var decoder = host.Services.GetRequiredService<RuralCommerce.Shared.Infrastructure.Files.PhotoDecoder>();

        Reply<PhotoResponse> refused;
        var waited = System.Diagnostics.Stopwatch.StartNew();
        using (await decoder.TakeSlotAsync(CancellationToken.None))
        {
            refused = await seller.Catalog.UploadPhoto(scenario.CooperativeId, product.ProductId, PhotoApiTests.Jpeg(800, 600), "a.jpg", "image/jpeg");
        }

        waited.Stop();
        var later = await seller.Catalog.UploadPhoto(scenario.CooperativeId, product.ProductId, PhotoApiTests.Jpeg(800, 600), "a.jpg", "image/jpeg");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.Status);
        Assert.Equal(TimeSpan.FromSeconds(5), refused.Headers.RetryAfter?.Delta);
        Assert.True(waited.Elapsed >= TimeSpan.FromMilliseconds(450), $"answered after {waited.Elapsed.TotalMilliseconds} ms");
        Assert.Equal(HttpStatusCode.Created, later.Status);
        Assert.Single((await seller.Catalog.GetProduct(scenario.CooperativeId, product.ProductId)).Body.Photos);
    }
}
