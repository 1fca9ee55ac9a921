namespace RuralCommerce.Orders.Domain.Orders;

internal enum RefundRequestStatus
{
    Requested,
    Approved,
    Rejected,
}

/// <summary>
/// A buyer asks for money back for some of one cooperative's lines (or all of them); the cooperative's administrator
/// decides. Approved, the money is owed back; goods not yet delivered go back on sale at once, delivered goods only
/// when the seller records their return.
/// </summary>
internal sealed class RefundRequest
{
    private readonly List<RefundRequestLine> _lines = [];

    private RefundRequest()
    {
    }

    public RefundRequest(Guid id, Guid cooperativeId, string reason, IEnumerable<RefundRequestLine> lines, DateTimeOffset now)
    {
        Id = id;
        CooperativeId = cooperativeId;
        Reason = reason;
        RequestedAt = now;
        _lines.AddRange(lines);
        AmountFen = _lines.Sum(l => l.AmountFen);
    }

    public Guid Id { get; private set; }

    public Guid CooperativeId { get; private set; }

    public string Reason { get; private set; } = "";

    public RefundRequestStatus Status { get; private set; }

    public long AmountFen { get; private set; }

    public DateTimeOffset RequestedAt { get; private set; }

    public DateTimeOffset? DecidedAt { get; private set; }

    public Guid? DeciderAccountId { get; private set; }

    public string? Note { get; private set; }

    public IReadOnlyList<RefundRequestLine> Lines => _lines;

    internal void Decide(bool approve, Guid deciderAccountId, string? note, DateTimeOffset now)
    {
        Status = approve ? RefundRequestStatus.Approved : RefundRequestStatus.Rejected;
        DeciderAccountId = deciderAccountId;
        Note = note;
        DecidedAt = now;
    }
}

/// <summary>A quantity of one line to refund, its amount in fen, and whether its goods must come back before they are sold again.</summary>
internal sealed class RefundRequestLine
{
    private RefundRequestLine()
    {
    }

    public RefundRequestLine(Guid productId, Guid sellerId, long quantityMilli, long amountFen, bool delivered)
    {
        ProductId = productId;
        SellerId = sellerId;
        QuantityMilli = quantityMilli;
        AmountFen = amountFen;
        Delivered = delivered;
    }

    public int Id { get; private set; }

    public Guid ProductId { get; private set; }

    public Guid SellerId { get; private set; }

    public long QuantityMilli { get; private set; }

    public decimal Quantity => QuantityMilli / 1000m;

    public long AmountFen { get; private set; }

    /// <summary>The goods had reached the buyer when the refund was asked for: they return to stock only when the seller records the return.</summary>
    public bool Delivered { get; private set; }

    public DateTimeOffset? ReturnedAt { get; private set; }

    internal void RecordReturn(DateTimeOffset now) => ReturnedAt = now;
}
