namespace RuralCommerce.IncomeTracking.Domain.Commission;

/// <summary>
/// The share of its sellers' sales a cooperative keeps, from <see cref="EffectiveFrom"/> (a China date) until the next
/// rate. Without any rate the commission is nothing.
/// </summary>
internal sealed class CommissionRate
{
    public const decimal MaxPercent = 50m;

    private CommissionRate()
    {
    }

    public Guid CooperativeId { get; private set; }

    public DateOnly EffectiveFrom { get; private set; }

    /// <summary>Percent, at most two decimals (5.5 = 5.5 %).</summary>
    public decimal Percent { get; private set; }

    public DateTimeOffset SetAt { get; private set; }

    public static CommissionRate From(Guid cooperativeId, DateOnly effectiveFrom, decimal percent, DateTimeOffset now) =>
        new() { CooperativeId = cooperativeId, EffectiveFrom = effectiveFrom, Percent = percent, SetAt = now };

    public void Change(decimal percent, DateTimeOffset now) => (Percent, SetAt) = (percent, now);

    /// <summary>The commission on <paramref name="grossFen"/>, rounded half away from zero to the fen.</summary>
    public static long On(long grossFen, decimal percent) =>
        (long)Math.Round(grossFen * percent / 100m, 0, MidpointRounding.AwayFromZero);
}
