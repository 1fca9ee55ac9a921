using RuralCommerce.Cooperatives.Domain.Cooperatives;
using RuralCommerce.Cooperatives.Domain.Members;
using RuralCommerce.SharedKernel;

namespace RuralCommerce.Cooperatives.Domain.Shares;

internal enum ShareMovement
{
    Subscribed,
    TransferredIn,
    TransferredOut,
    BoughtBack,
}

internal readonly record struct ShareLedgerEntryId(Guid Value) : IStronglyTypedId<ShareLedgerEntryId>
{
    public static ShareLedgerEntryId From(Guid value) => new(value);
}

/// <summary>One line of the share register: who gained or gave up how many shares, and what they were worth.</summary>
internal sealed class ShareLedgerEntry
{
    private ShareLedgerEntry()
    {
    }

    public ShareLedgerEntryId Id { get; private set; }

    public CooperativeId CooperativeId { get; private set; }

    public MemberId MemberId { get; private set; }

    public ShareMovement Movement { get; private set; }

    /// <summary>Positive for shares gained, negative for shares given up.</summary>
    public int Count { get; private set; }

    public Money Value { get; private set; }

    public DateTimeOffset OccurredAt { get; private set; }

    public static ShareLedgerEntry Record(
        ShareLedgerEntryId id, Cooperative cooperative, MemberId memberId, ShareMovement movement, int count, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(cooperative);
        var signed = movement is ShareMovement.Subscribed or ShareMovement.TransferredIn ? count : -count;
        return new ShareLedgerEntry
        {
            Id = id,
            CooperativeId = cooperative.Id,
            MemberId = memberId,
            Movement = movement,
            Count = signed,
            Value = cooperative.SharePrice.Multiply(signed, MidpointRounding.AwayFromZero),
            OccurredAt = now,
        };
    }
}
