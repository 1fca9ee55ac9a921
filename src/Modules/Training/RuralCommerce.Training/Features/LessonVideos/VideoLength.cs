using System.Buffers.Binary;

namespace RuralCommerce.Training.Features.LessonVideos;

/// <summary>
/// Reads a video's length from its container, without decoding it: an MP4's movie header (<c>moov/mvhd</c>: duration
/// over timescale) or a WebM's <c>Segment/Info/Duration</c> (in <c>TimecodeScale</c> units). Learners' progress is
/// measured against it, so it comes from the file, not from what the trainer typed.
/// </summary>
internal static class VideoLength
{
    private const uint EbmlHeader = 0x1A45DFA3;
    private const uint Segment = 0x18538067;
    private const uint SegmentInfo = 0x1549A966;
    private const uint TimecodeScale = 0x2AD7B1;
    private const uint Duration = 0x4489;
    private const uint Cluster = 0x1F43B675;

    /// <summary>The length in seconds, or null when the container does not say (or says nonsense).</summary>
    public static double? ReadSeconds(Stream video, string extension)
    {
        ArgumentNullException.ThrowIfNull(video);
        try
        {
            var seconds = extension == "webm" ? ReadWebm(video) : ReadMp4(video);
            return seconds is > 0 and < 24 * 3600 ? seconds : null;
        }
        catch (Exception e) when (e is EndOfStreamException or InvalidOperationException or OverflowException or ArgumentOutOfRangeException or IOException)
        {
            return null;
        }
    }

    private static double? ReadMp4(Stream video)
    {
        var moov = FindBox(video, "moov"u8, video.Length);
        if (moov is not { } movie)
        {
            return null;
        }

        video.Position = movie.Start;
        var mvhd = FindBox(video, "mvhd"u8, movie.End);
        if (mvhd is not { } header)
        {
            return null;
        }

        video.Position = header.Start;
        var version = ReadExactly(video, 4)[0];
        if (version == 1)
        {
            var v1 = ReadExactly(video, 28);
            var timescale = BinaryPrimitives.ReadUInt32BigEndian(v1.AsSpan(16));
            var duration = BinaryPrimitives.ReadUInt64BigEndian(v1.AsSpan(20));
            return timescale == 0 || duration == ulong.MaxValue ? null : (double)duration / timescale;
        }

        var v0 = ReadExactly(video, 16);
        var scale = BinaryPrimitives.ReadUInt32BigEndian(v0.AsSpan(8));
        var length = BinaryPrimitives.ReadUInt32BigEndian(v0.AsSpan(12));
        return scale == 0 || length == uint.MaxValue ? null : (double)length / scale;
    }

    /// <summary>Walks sibling boxes from the stream's position up to <paramref name="end"/>; the found box's content range.</summary>
    private static (long Start, long End)? FindBox(Stream video, ReadOnlySpan<byte> type, long end)
    {
        while (video.Position + 8 <= end)
        {
            var boxStart = video.Position;
            var head = ReadExactly(video, 8);
            long size = BinaryPrimitives.ReadUInt32BigEndian(head);
            var contentStart = boxStart + 8;
            if (size == 1)
            {
                size = (long)BinaryPrimitives.ReadUInt64BigEndian(ReadExactly(video, 8));
                contentStart += 8;
            }
            else if (size == 0)
            {
                size = end - boxStart;
            }

            if (size < contentStart - boxStart || boxStart + size > end)
            {
                return null;
            }

            if (head.AsSpan(4, 4).SequenceEqual(type))
            {
                return (contentStart, boxStart + size);
            }

            video.Position = boxStart + size;
        }

        return null;
    }

    private static double? ReadWebm(Stream video)
    {
        video.Position = 0;
        if (ReadId(video) != EbmlHeader)
        {
            return null;
        }

        var headerSize = (long)ReadSize(video)!;
        video.Position += headerSize;
        if (ReadId(video) != Segment)
        {
            return null;
        }

        var segmentSize = ReadSize(video);
        var segmentEnd = segmentSize is { } known ? video.Position + (long)known : video.Length;
        while (video.Position < Math.Min(segmentEnd, video.Length))
        {
            var id = ReadId(video);
            var size = ReadSize(video);
            if (id == SegmentInfo && size is { } infoSize)
            {
                return ReadInfo(video, video.Position + (long)infoSize);
            }

            // Clusters come after Info in any file a player can start before the end; an unknown size cannot be skipped.
            if (id == Cluster || size is null)
            {
                return null;
            }

            video.Position += (long)size.Value;
        }

        return null;
    }

    private static double? ReadInfo(Stream video, long end)
    {
        ulong scale = 1_000_000;
        double? duration = null;
        while (video.Position < end)
        {
            var id = ReadId(video);
            var size = (long)(ReadSize(video) ?? throw new EndOfStreamException());
            if (size > 64)
            {
                video.Position += size;
                continue;
            }

            var value = ReadExactly(video, (int)size);
            if (id == TimecodeScale && size is >= 1 and <= 8)
            {
                scale = value.Aggregate(0UL, (total, b) => (total << 8) | b);
            }
            else if (id == Duration)
            {
                duration = size switch
                {
                    4 => BinaryPrimitives.ReadSingleBigEndian(value),
                    8 => BinaryPrimitives.ReadDoubleBigEndian(value),
                    _ => null,
                };
            }
        }

        return duration * scale / 1e9;
    }

    /// <summary>An EBML element ID: a variable-length integer that keeps its length marker.</summary>
    private static uint ReadId(Stream video)
    {
        var first = ReadByte(video);
        var length = LengthOf(first);
        if (length > 4)
        {
            throw new EndOfStreamException();
        }

        var id = (uint)first;
        for (var i = 1; i < length; i++)
        {
            id = (id << 8) | ReadByte(video);
        }

        return id;
    }

    /// <summary>An EBML data size without its length marker; null for "unknown" (all value bits set).</summary>
    private static ulong? ReadSize(Stream video)
    {
        var first = ReadByte(video);
        var length = LengthOf(first);
        var value = (ulong)(first & (0xFF >> length));
        var allOnes = value == (ulong)(0xFF >> length);
        for (var i = 1; i < length; i++)
        {
            var next = ReadByte(video);
            allOnes &= next == 0xFF;
            value = (value << 8) | next;
        }

        return allOnes ? null : value;
    }

    private static int LengthOf(byte first) =>
        first == 0 ? throw new EndOfStreamException() : System.Numerics.BitOperations.LeadingZeroCount((uint)first) - 23;

    private static byte ReadByte(Stream video) =>
        video.ReadByte() is var b and >= 0 ? (byte)b : throw new EndOfStreamException();

    private static byte[] ReadExactly(Stream video, int count)
    {
        var bytes = new byte[count];
        video.ReadExactly(bytes);
        return bytes;
    }
}
