using SkiaSharp;
using Xunit;
using ZXing;
using ZXing.Common;

namespace RuralCommerce.TestSupport;

public static class QrCodes
{
    /// <summary>
    /// The text of the QR code a PNG shows. The hints say it is a bare QR code (no photo around it): without them the
    /// detector misses about one code in 150, whatever it encodes.
    /// </summary>
    public static string Decode(byte[] png)
    {
        using var bitmap = SKBitmap.Decode(png).Copy(SKColorType.Rgba8888);
        var source = new RGBLuminanceSource(bitmap.Bytes, bitmap.Width, bitmap.Height, RGBLuminanceSource.BitmapFormat.RGBA32);
        var hints = new Dictionary<DecodeHintType, object>
        {
            [DecodeHintType.PURE_BARCODE] = true,
            [DecodeHintType.TRY_HARDER] = true,
            [DecodeHintType.POSSIBLE_FORMATS] = new List<BarcodeFormat> { BarcodeFormat.QR_CODE },
        };
        var result = new MultiFormatReader().decode(new BinaryBitmap(new HybridBinarizer(source)), hints);
        Assert.NotNull(result);
        return result.Text;
    }
}
