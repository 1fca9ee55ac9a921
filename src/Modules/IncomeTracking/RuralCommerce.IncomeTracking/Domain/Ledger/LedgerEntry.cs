using RuralCommerce.SharedKernel;

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

    /// <summary>A manual entry's note (what was sold at the market, where the wages came from).</summary>
    public string? Note { get; private set; }

    /// <summary>The entry this one reverses (a mistake corrected); null for any other.</summary>
    public Guid? Reverses { get; private set; }

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

    /// <summary>Income the seller or an administrator records by hand: an offline sale, a subsidy, wages, other.</summary>
    public static LedgerEntry Manual(
        Guid id, Guid sellerId, Guid cooperativeId, IncomeSource source, long amountFen, string? note, DateOnly occurredOn, DateTimeOffset postedAt)
    {
        CheckRule(new AManualEntryIsForIncomeOutsideTheShopRule(source));
        CheckRule(new AManualEntryRecordsSomethingThatHappenedRule(amountFen, occurredOn, postedAt));
        return new LedgerEntry
        {
            Id = id,
            SellerId = sellerId,
            CooperativeId = cooperativeId,
            Source = source,
            Reference = $"manual:{id}",
            GrossFen = amountFen,
            AmountFen = amountFen,
            Note = note,
            OccurredOn = occurredOn,
            PostedAt = postedAt,
        };
    }

    /// <summary>The entry that cancels this one, dated today; the ledger keeps both.</summary>
    public LedgerEntry Reversal(Guid id, string? note, DateOnly today, DateTimeOffset postedAt)
    {
        CheckRule(new AReversalIsNotReversedRule(this));
        return new LedgerEntry
        {
            Id = id,
            SellerId = SellerId,
            CooperativeId = CooperativeId,
            Source = Source,
            Reference = $"reversal:{Id}",
            GrossFen = -GrossFen,
            CommissionFen = -CommissionFen,
            AmountFen = -AmountFen,
            Note = note,
            Reverses = Id,
            LivestreamId = LivestreamId,
            Platform = Platform,
            OccurredOn = today,
            PostedAt = postedAt,
        };
    }

    private static void CheckRule(IBusinessRule rule)
    {
        if (rule.IsBroken())
        {
            throw new BusinessRuleValidationException(rule);
        }
    }
}

internal sealed class AManualEntryIsForIncomeOutsideTheShopRule(IncomeSource source) : IBusinessRule
{
    public string Message => "Shop, livestream and imported sales come from orders; a manual entry records an offline sale, a subsidy, wages or other income.";

    public bool IsBroken() => source is IncomeSource.Shop or IncomeSource.Livestream or IncomeSource.Imported;
}

internal sealed class AManualEntryRecordsSomethingThatHappenedRule(long amountFen, DateOnly occurredOn, DateTimeOffset now) : IBusinessRule
{
    public string Message => "A manual entry has an amount and records something that already happened (not a future date).";

    public bool IsBroken() => amountFen == 0 || occurredOn > ChinaTime.Today(now);
}

internal sealed class AReversalIsNotReversedRule(LedgerEntry entry) : IBusinessRule
{
    public string Message => "A reversal is not reversed: record the right amount as a new entry.";

    public bool IsBroken() => entry.Reverses is not null;
}
