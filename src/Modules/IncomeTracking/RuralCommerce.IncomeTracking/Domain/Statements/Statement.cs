using RuralCommerce.SharedKernel;

namespace RuralCommerce.IncomeTracking.Domain.Statements;

/// <summary>What one seller's ledger says for one closed posting month, in fen; never changed once generated.</summary>
internal sealed record StatementFigures(
    long ShopGrossFen, long LivestreamGrossFen, long ImportedGrossFen, long CommissionFen, long RefundsFen, long ManualFen, long SubsidyFen,
    long NetPayableFen);

/// <summary>
/// A seller's monthly statement: gross completed sales by channel, the cooperative's commission, refunds after
/// completion and manual entries, and what the cooperative pays out (the platform sales less commission and refunds;
/// offline sales, wages and subsidies are the seller's own and shown for the record). Generated for a closed month
/// from the entries posted in it, then marked paid once with the payout's reference.
/// </summary>
internal sealed class Statement : AggregateRoot
{
    private Statement()
    {
    }

    public Guid Id { get; private set; }

    public Guid SellerId { get; private set; }

    public Guid CooperativeId { get; private set; }

    public int Month { get; private set; }

    public long ShopGrossFen { get; private set; }

    public long LivestreamGrossFen { get; private set; }

    public long ImportedGrossFen { get; private set; }

    public long CommissionFen { get; private set; }

    public long RefundsFen { get; private set; }

    public long ManualFen { get; private set; }

    public long SubsidyFen { get; private set; }

    public long NetPayableFen { get; private set; }

    public DateTimeOffset GeneratedAt { get; private set; }

    public DateTimeOffset? PaidAt { get; private set; }

    public string? PayoutReference { get; private set; }

    public Guid? PaidBy { get; private set; }

    public static Statement Generate(Guid id, Guid sellerId, Guid cooperativeId, int month, StatementFigures figures, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(figures);
        CheckRule(new StatementsAreForClosedMonthsRule(month, now));
        return new Statement
        {
            Id = id,
            SellerId = sellerId,
            CooperativeId = cooperativeId,
            Month = month,
            ShopGrossFen = figures.ShopGrossFen,
            LivestreamGrossFen = figures.LivestreamGrossFen,
            ImportedGrossFen = figures.ImportedGrossFen,
            CommissionFen = figures.CommissionFen,
            RefundsFen = figures.RefundsFen,
            ManualFen = figures.ManualFen,
            SubsidyFen = figures.SubsidyFen,
            NetPayableFen = figures.NetPayableFen,
            GeneratedAt = now,
        };
    }

    public void MarkPaid(string payoutReference, Guid paidBy, DateTimeOffset now)
    {
        CheckRule(new AStatementIsPaidOnceRule(PaidAt));
        PaidAt = now;
        PayoutReference = payoutReference;
        PaidBy = paidBy;
    }
}

internal sealed class StatementsAreForClosedMonthsRule(int month, DateTimeOffset now) : IBusinessRule
{
    public string Message => "Statements are generated for a closed month: one that ended before this month began (China time).";

    public bool IsBroken() => month >= Months.Month.Of(now);
}

internal sealed class AStatementIsPaidOnceRule(DateTimeOffset? paidAt) : IBusinessRule
{
    public string Message => "This statement is already marked paid.";

    public bool IsBroken() => paidAt is not null;
}
