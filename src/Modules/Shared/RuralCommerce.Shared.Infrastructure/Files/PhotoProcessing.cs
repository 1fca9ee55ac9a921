using System.Security.Cryptography;
using RuralCommerce.SharedKernel;
using SkiaSharp;

namespace RuralCommerce.Shared.Infrastructure.Files;

/// <summary>A checked, re-encoded photo: the full image and its thumbnail (WebP), named by the upload's SHA-256.</summary>
public sealed record ProcessedPhoto(string ContentHash, byte[] Full, byte[] Thumbnail, int Width, int Height);

/// <summary>
/// Turns an uploaded photo (a product's, a course's cover) into what pages serve. The content decides what a file is (magic bytes, then a full decode),
/// never its name or its Content-Type; anything else is a 400 before a byte is stored.
/// </summary>
public static class PhotoProcessing
{
    public const int MaxEdge = 1200;
    /// <summary>Shown at 96 CSS pixels in lists: sharp on a 2× phone screen, a few KB each.</summary>
    public const int ThumbnailEdge = 240;
    private const int Quality = 80;
    private const int ThumbnailQuality = 70;

    /// <summary>A decoded image larger than this (in pixels) is refused: a tiny file can claim a huge canvas.</summary>
    private const long MaxPixels = 50_000_000;

    /// <summary>The most pixels decoded into one bitmap (64 MB): what a codec cannot decode smaller must fit in this.</summary>
    private const long MaxWholeDecodePixels = 16_000_000;

    /// <summary>400 unless the content is a JPEG, PNG or WebP (by its first bytes): checked before a decoder is waited for.</summary>
    public static void RequireKnownFormat(byte[] upload)
    {
        ArgumentNullException.ThrowIfNull(upload);
        if (!LooksLikeJpegPngOrWebP(upload))
        {
            throw new RequestValidationException("file", "The file must be a JPEG, PNG or WebP photo.");
        }
    }

    public static ProcessedPhoto Process(byte[] upload)
    {
        RequireKnownFormat(upload);
        using var bitmap = Decode(upload) ?? throw new RequestValidationException("file", "The photo is damaged or incomplete; take or choose it again.");
        var full = Encode(bitmap, MaxEdge, Quality, out var width, out var height);
        var thumbnail = Encode(bitmap, ThumbnailEdge, ThumbnailQuality, out _, out _);
        return new ProcessedPhoto(Convert.ToHexStringLower(SHA256.HashData(upload)), full, thumbnail, width, height);
    }

    private static bool LooksLikeJpegPngOrWebP(ReadOnlySpan<byte> content) =>
        content.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF])
        || content.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
        || (content.Length >= 12 && content[..4].SequenceEqual("RIFF"u8) && content[8..12].SequenceEqual("WEBP"u8));

    /// <summary>
    /// The image at about the size that is kept (its long edge from <see cref="MaxEdge"/> to twice that), upright as
    /// the camera held it; null when it does not decode completely. JPEG and WebP decode straight to that size (the
    /// codec's scaled decoding), never into a full-size bitmap. Skia's PNG codec can neither scale nor decode row by
    /// row, so a PNG is decoded whole and may claim at most <see cref="MaxWholeDecodePixels"/>: a 46 KB PNG claiming
    /// 7000 × 7000 pixels would otherwise cost 200 MB. Phone cameras write JPEG; a PNG is a screenshot or a drawing.
    /// </summary>
    private static SKBitmap? Decode(byte[] upload)
    {
        using var data = SKData.CreateCopy(upload);
        using var codec = SKCodec.Create(data);
        if (codec is null || (long)codec.Info.Width * codec.Info.Height > MaxPixels)
        {
            return null;
        }

        var factor = Math.Max(1, Math.Max(codec.Info.Width, codec.Info.Height) / MaxEdge);
        var scaled = codec.GetScaledDimensions(1f / factor);
        if ((long)scaled.Width * scaled.Height > MaxWholeDecodePixels)
        {
            throw new RequestValidationException("file",
                $"This image is too large to take ({codec.Info.Width} × {codec.Info.Height}): send the photo as a JPEG, or a smaller image.");
        }

        var info = new SKImageInfo(scaled.Width, scaled.Height, SKColorType.Rgba8888, SKAlphaType.Premul);
        var bitmap = new SKBitmap(info);
        if (codec.GetPixels(info, bitmap.GetPixels()) != SKCodecResult.Success)
        {
            bitmap.Dispose();
            return null;
        }

        return Upright(bitmap, codec.EncodedOrigin);
    }

    /// <summary>Phones store portrait photos sideways with an EXIF orientation; buyers should see them as taken.</summary>
    private static SKBitmap Upright(SKBitmap bitmap, SKEncodedOrigin origin)
    {
        var degrees = origin switch
        {
            SKEncodedOrigin.BottomRight => 180,
            SKEncodedOrigin.RightTop => 90,
            SKEncodedOrigin.LeftBottom => 270,
            _ => 0,
        };
        if (degrees == 0)
        {
            return bitmap;
        }

        var swap = degrees != 180;
        var rotated = new SKBitmap(swap ? bitmap.Height : bitmap.Width, swap ? bitmap.Width : bitmap.Height, bitmap.ColorType, bitmap.AlphaType);
        using (var canvas = new SKCanvas(rotated))
        {
            canvas.Translate(rotated.Width / 2f, rotated.Height / 2f);
            canvas.RotateDegrees(degrees);
            canvas.Translate(-bitmap.Width / 2f, -bitmap.Height / 2f);
            using var image = SKImage.FromBitmap(bitmap);
            canvas.DrawImage(image, 0, 0, SKSamplingOptions.Default);
        }

        bitmap.Dispose();
        return rotated;
    }

    private static byte[] Encode(SKBitmap bitmap, int maxEdge, int quality, out int width, out int height)
    {
        var scale = Math.Min(1d, (double)maxEdge / Math.Max(bitmap.Width, bitmap.Height));
        width = Math.Max(1, (int)Math.Round(bitmap.Width * scale));
        height = Math.Max(1, (int)Math.Round(bitmap.Height * scale));
        using var resized = scale < 1d
            ? bitmap.Resize(new SKImageInfo(width, height, bitmap.ColorType, bitmap.AlphaType), new SKSamplingOptions(SKCubicResampler.Mitchell))
            : bitmap.Copy();
        using var image = SKImage.FromBitmap(resized);
        using var encoded = image.Encode(SKEncodedImageFormat.Webp, quality);
        return encoded.ToArray();
    }
}
