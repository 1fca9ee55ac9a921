using Microsoft.AspNetCore.Http;
using QRCoder;

namespace RuralCommerce.Shared.Infrastructure.Web;

/// <summary>Addresses printed on paper (a bag's label, a certificate) and their QR codes.</summary>
public static class PublicLinks
{
    /// <summary>
    /// <paramref name="path"/> on the configured public address (e.g. <c>https://shop.example.cn</c>), else on the
    /// address the request came to.
    /// </summary>
    public static string Absolute(HttpContext http, string? publicBaseUrl, string path)
    {
        ArgumentNullException.ThrowIfNull(http);
        var origin = publicBaseUrl?.TrimEnd('/') ?? $"{http.Request.Scheme}://{http.Request.Host}{http.Request.PathBase}";
        return origin + path;
    }

    public static byte[] QrPng(string url)
    {
        using var data = QRCodeGenerator.GenerateQrCode(url, QRCodeGenerator.ECCLevel.M);
        using var png = new PngByteQRCode(data);
        return png.GetGraphic(8);
    }

    public static string QrSvg(string url)
    {
        using var data = QRCodeGenerator.GenerateQrCode(url, QRCodeGenerator.ECCLevel.M);
        using var svg = new SvgQRCode(data);
        return svg.GetGraphic(8);
    }
}
