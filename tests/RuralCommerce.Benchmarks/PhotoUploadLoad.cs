using System.Diagnostics;
using Microsoft.Extensions.Options;
using RuralCommerce.Shared.Infrastructure.Files;
using RuralCommerce.SharedKernel;
using RuralCommerce.TestSupport;
using SkiaSharp;

namespace RuralCommerce.Benchmarks;

/// <summary>
/// `photo-uploads [uploads=16]`: that many photo uploads at once through the host's decoder, and the process's peak
/// working set while they run. Three kinds: the 46 KB PNG claiming 7000 × 7000 pixels, a 24-megapixel camera JPEG,
/// and, for comparison, the PNG decoded whole as the host did before.
/// </summary>
internal static class PhotoUploadLoad
{
    public static async Task<int> RunAsync(string[] args)
    {
        var uploads = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 16;
        var bomb = PngBomb.Of(7000, 7000);
        var camera = CameraJpeg(6000, 4000);
        var decoder = new PhotoDecoder(Options.Create(new PhotoOptions()));
        Console.WriteLine($"{uploads} uploads at once, {Environment.ProcessorCount} decoders; PNG {bomb.Length / 1024} KB, JPEG {camera.Length / 1024} KB");

        await MeasureAsync("PNG 7000 × 7000 (refused before decoding)", uploads, async () => await decoder.ProcessAsync(bomb, CancellationToken.None));
        await MeasureAsync("JPEG 6000 × 4000 (scaled decoding)", uploads, async () => await decoder.ProcessAsync(camera, CancellationToken.None));
        await MeasureAsync("PNG 7000 × 7000 decoded whole (before)", uploads, () =>
        {
            // The host's decode before: the whole canvas as RGBA, no decoder limit.
            using var codec = SKCodec.Create(SKData.CreateCopy(bomb));
            var info = new SKImageInfo(codec.Info.Width, codec.Info.Height, SKColorType.Rgba8888, SKAlphaType.Premul);
            using var whole = new SKBitmap(info);
            codec.GetPixels(info, whole.GetPixels());
            return Task.FromResult<ProcessedPhoto?>(null);
        });
        return 0;
    }

    private static async Task MeasureAsync(string name, int uploads, Func<Task<ProcessedPhoto?>> upload)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        using var self = Process.GetCurrentProcess();
        var before = self.WorkingSet64;
        var peak = before;
        using var sampling = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            while (!sampling.IsCancellationRequested)
            {
                self.Refresh();
                peak = Math.Max(peak, self.WorkingSet64);
                await Task.Delay(5);
            }
        });
        var clock = Stopwatch.StartNew();
        var outcomes = await Task.WhenAll(Enumerable.Range(0, uploads).Select(_ => Task.Run(async () =>
        {
            try
            {
                return await upload() is null ? "decoded" : "taken";
            }
            catch (RequestValidationException)
            {
                return "refused";
            }
        })));
        clock.Stop();
        await sampling.CancelAsync();
        await sampler;
        Console.WriteLine($"{name}: {string.Join(", ", outcomes.GroupBy(o => o).Select(g => $"{g.Count()} {g.Key}"))} in {clock.ElapsedMilliseconds} ms; " +
            $"working set {before / 1048576} MB before, peak {peak / 1048576} MB");
    }

    private static byte[] CameraJpeg(int width, int height)
    {
        using var bitmap = new SKBitmap(width, height);
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(new SKColor(0x8B, 0x5A, 0x2B));
            using var paint = new SKPaint { Color = SKColors.Beige };
            canvas.DrawCircle(width / 2f, height / 2f, Math.Min(width, height) / 3f, paint);
        }

        using var image = SKImage.FromBitmap(bitmap);
        using var data = image.Encode(SKEncodedImageFormat.Jpeg, 85);
        return data.ToArray();
    }
}
