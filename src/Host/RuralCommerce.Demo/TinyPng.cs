using System.IO.Compression;

namespace RuralCommerce.Demo;

/// <summary>A small solid-colour PNG for a product's photo: the demo has no camera, and no image library is needed to make one.</summary>
internal static class TinyPng
{
    private const int Size = 96;

    public static byte[] Solid(byte red, byte green, byte blue)
    {
        var raw = new byte[Size * (1 + Size * 3)];
        for (var y = 0; y < Size; y++)
        {
            var row = y * (1 + Size * 3);
            for (var x = 0; x < Size; x++)
            {
                // A lighter band across the middle, so the photo is not a flat square.
                var light = Math.Abs(y - Size / 2) < Size / 6 ? 30 : 0;
                raw[row + 1 + x * 3] = (byte)Math.Min(255, red + light);
                raw[row + 2 + x * 3] = (byte)Math.Min(255, green + light);
                raw[row + 3 + x * 3] = (byte)Math.Min(255, blue + light);
            }
        }

        using var compressed = new MemoryStream();
        using (var zlib = new ZLibStream(compressed, CompressionLevel.Optimal, leaveOpen: true))
        {
            zlib.Write(raw);
        }

        using var png = new MemoryStream();
        png.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        Chunk(png, "IHDR", [0, 0, 0, Size, 0, 0, 0, Size, 8, 2, 0, 0, 0]);
        Chunk(png, "IDAT", compressed.ToArray());
        Chunk(png, "IEND", []);
        return png.ToArray();
    }

    private static void Chunk(Stream png, string type, byte[] data)
    {
        var typeBytes = System.Text.Encoding.ASCII.GetBytes(type);
        png.Write(BigEndian((uint)data.Length));
        png.Write(typeBytes);
        png.Write(data);
        png.Write(BigEndian(Crc32([.. typeBytes, .. data])));
    }

    private static byte[] BigEndian(uint value) => [(byte)(value >> 24), (byte)(value >> 16), (byte)(value >> 8), (byte)value];

    private static uint Crc32(byte[] bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
            }
        }

        return crc ^ 0xFFFFFFFFu;
    }
}
