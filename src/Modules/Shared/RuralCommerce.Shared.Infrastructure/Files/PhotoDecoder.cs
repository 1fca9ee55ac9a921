using Microsoft.Extensions.Options;
using RuralCommerce.SharedKernel;

namespace RuralCommerce.Shared.Infrastructure.Files;

/// <summary>Settings under <c>Photos</c>.</summary>
public sealed class PhotoOptions
{
    public const string SectionName = "Photos";

    /// <summary>Photos decoded at once by one host (one per processor when not set): each holds up to about 25 MB.</summary>
    public int? DecodesAtOnce { get; set; }

    /// <summary>How long an upload waits for a decoder before the host answers 503 with Retry-After.</summary>
    public TimeSpan DecodeWait { get; set; } = TimeSpan.FromSeconds(10);

    internal int Slots => DecodesAtOnce is > 0 and var set ? set : Environment.ProcessorCount;
}

/// <summary>
/// Decodes uploaded photos (products' and courses' covers alike) a few at a time per host, so that a burst of uploads
/// bounds the memory they take: each decode is itself bounded (<see cref="PhotoProcessing"/>), the rest wait their turn,
/// and what has waited <see cref="PhotoOptions.DecodeWait"/> is told to come back (503, Retry-After).
/// </summary>
public sealed class PhotoDecoder(IOptions<PhotoOptions> options)
{
    private static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(5);
    private readonly SemaphoreSlim _slots = new(options.Value.Slots);

    public async Task<ProcessedPhoto> ProcessAsync(byte[] upload, CancellationToken cancellationToken)
    {
        PhotoProcessing.RequireKnownFormat(upload);
        using var slot = await TakeSlotAsync(cancellationToken);
        return PhotoProcessing.Process(upload);
    }

    /// <summary>A decoder's slot, given back when disposed; 503 when none came free in time.</summary>
    public async Task<IDisposable> TakeSlotAsync(CancellationToken cancellationToken)
    {
        if (!await _slots.WaitAsync(options.Value.DecodeWait, cancellationToken))
        {
            throw new ServiceBusyException("Too many photos are being processed right now: send it again in a few seconds.", RetryAfter);
        }

        return new Slot(_slots);
    }

    private sealed class Slot(SemaphoreSlim slots) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                slots.Release();
            }
        }
    }
}
