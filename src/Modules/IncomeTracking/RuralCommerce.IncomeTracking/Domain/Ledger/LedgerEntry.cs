namespace RuralCommerce.IncomeTracking.Domain.Ledger;

internal enum IncomeSource
{
    Shop,
    Livestream,
    Imported,
    OfflineSale,
    Subsidy,
    Wages,
    Other,
}

/// <summary>
/// One line of a seller's income ledger, written once and never changed (a mistake is corrected by a reversing
/// entry). <see cref="Reference"/> names what it records (<c>order:{id}</c>, <c>refund:{id}</c>); with the seller it is
/// unique, so a notification delivered twice, on one host or two, credits once.
/// </summary>
internal sealed class LedgerEntry
{
    private LedgerEntry()
    {
    }

    public Guid Id { get; private set; }

    /// <summary>The seller: a cooperative member's id.</summary>
    public Guid SellerId { get; private set; }

    public Guid CooperativeId { get; private set; }

    public IncomeSource Source { get; private set; }

    public string Reference { get; private set; } = "";

    /// <summary>What the buyer paid for the seller's goods (negative for a refund), in fen.</summary>
    public long GrossFen { get; private set; }

    /// <summary>The cooperative's commission on <see cref="GrossFen"/> (same sign), in fen.</summary>
    public long CommissionFen { get; private set; }

    /// <summary>What the seller earns: gross less commission, in fen.</summary>
    public long AmountFen { get; private set; }

    public Guid? LivestreamId { get; private set; }

    public string? Platform { get; private set; }

    /// <summary>The China date of what the entry records (the order's completion, the refund).</summary>
    public DateOnly OccurredOn { get; private set; }

    /// <summary>When the entry was written; statements group by it.</summary>
    public DateTimeOffset PostedAt { get; private set; }

    public static LedgerEntry Sale(
        Guid id, Guid sellerId, Guid cooperativeId, IncomeSource source, string reference, long grossFen, long commissionFen, Guid? livestreamId,
        string? platform, DateOnly occurredOn, DateTimeOffset postedAt) => new()
        {
            Id = id,
            SellerId = sellerId,
            CooperativeId = cooperativeId,
            Source = source,
            Reference = reference,
            GrossFen = grossFen,
            CommissionFen = commissionFen,
            AmountFen = grossFen - commissionFen,
            LivestreamId = livestreamId,
            Platform = platform,
            OccurredOn = occurredOn,
            PostedAt = postedAt,
        };
}
