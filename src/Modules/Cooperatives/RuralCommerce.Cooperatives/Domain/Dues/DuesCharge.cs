using RuralCommerce.Cooperatives.Domain.Cooperatives;
using RuralCommerce.Cooperatives.Domain.Members;
using RuralCommerce.SharedKernel;

namespace RuralCommerce.Cooperatives.Domain.Dues;

internal readonly record struct DuesChargeId(Guid Value) : IStronglyTypedId<DuesChargeId>
{
    public static DuesChargeId From(Guid value) => new(value);
}

/// <summary>A member's dues for one year: charged once, paid once.</summary>
internal sealed class DuesCharge : AggregateRoot
{
    // Whole fen, so arrears are summed by the database (a converted Money column cannot be).
    private long _amountFen;

    private DuesCharge()
    {
    }

    public DuesChargeId Id { get; private set; }

    public CooperativeId CooperativeId { get; private set; }

    public MemberId MemberId { get; private set; }

    public int Year { get; private set; }

    public Money Amount => Money.FromFen(_amountFen);

    public DateTimeOffset ChargedAt { get; private set; }

    public DateTimeOffset? PaidAt { get; private set; }

    public static DuesCharge Charge(DuesChargeId id, Cooperative cooperative, MemberId memberId, int year, Money amount, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(cooperative);
        cooperative.EnsureAcceptsChanges();
        CheckRule(new DuesAmountMustBePositiveRule(amount));
        return new DuesCharge
        {
            Id = id,
            CooperativeId = cooperative.Id,
            MemberId = memberId,
            Year = year,
            _amountFen = amount.ToFen(),
            ChargedAt = now,
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
