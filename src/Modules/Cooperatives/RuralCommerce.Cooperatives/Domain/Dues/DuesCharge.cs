using RuralCommerce.Cooperatives.Domain.Cooperatives;
using RuralCommerce.Cooperatives.Domain.Members;
using RuralCommerce.SharedKernel;

namespace RuralCommerce.Cooperatives.Domain.Dues;

/// <summary>A member's dues for one year: charged once, paid once.</summary>
internal sealed class DuesCharge : AggregateRoot
{
    // Whole fen, so arrears are summed by the database (a converted Money column cannot be).
    private long _amountFen;

    private DuesCharge()
    {
    }

    public Guid Id { get; private set; }

    public CooperativeId CooperativeId { get; private set; }

    public MemberId MemberId { get; private set; }

    public int Year { get; private set; }

    public Money Amount => Money.FromFen(_amountFen);

    public DateTimeOffset ChargedAt { get; private set; }

    public DateTimeOffset? PaidAt { get; private set; }

    public static DuesCharge Charge(Cooperative cooperative, MemberId memberId, int year, Money amount, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(cooperative);
        cooperative.EnsureAcceptsChanges();
        CheckRule(new DuesAmountMustBePositiveRule(amount));
        return new DuesCharge
        {
            Id = NewId.Next(clock),
            CooperativeId = cooperative.Id,
            MemberId = memberId,
            Year = year,
            _amountFen = amount.ToFen(),
            ChargedAt = clock.GetUtcNow(),
        };
    }

    /// <summary>Records the payment; paying a paid charge again changes nothing (a retried request).</summary>
    public void Pay(DateTimeOffset now) => PaidAt ??= now;
}

internal sealed class DuesAmountMustBePositiveRule(Money amount) : IBusinessRule
{
    public string Message => "Dues must be more than nothing.";

    public bool IsBroken() => amount <= Money.Zero;
}
