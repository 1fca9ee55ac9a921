using RuralCommerce.SharedKernel;

namespace RuralCommerce.IncomeTracking.Domain.Baselines;

internal enum BaselineKind
{
    /// <summary>The household's annual income before joining, as declared for a year.</summary>
    Declared,

    /// <summary>The mean monthly income of the ledger's first three full months, frozen when it was set.</summary>
    Derived,
}

/// <summary>
/// One version of a seller's baseline: what their income was before the cooperative, per month. The highest version is
/// the one in force; earlier ones stay, so a change is visible and a report can say which baseline it used.
/// </summary>
internal sealed class Baseline
{
    private Baseline()
    {
    }

    public Guid SellerId { get; private set; }

    public int Version { get; private set; }

    public BaselineKind Kind { get; private set; }

    /// <summary>The declared annual income, in fen (null when derived).</summary>
    public long? AnnualFen { get; private set; }

    /// <summary>The year the declared income refers to (null when derived).</summary>
    public int? Year { get; private set; }

    /// <summary>The baseline per month, in fen: what gains compare each month's income with.</summary>
    public long MonthlyFen { get; private set; }

    public string? Note { get; private set; }

    public Guid SetBy { get; private set; }

    public DateTimeOffset SetAt { get; private set; }

    public static Baseline Declared(Guid sellerId, int version, long annualFen, int year, string? note, Guid setBy, DateTimeOffset now)
    {
        CheckRule(new ADeclaredBaselineIsForAPastOrCurrentYearRule(year, now));
        return new Baseline
        {
            SellerId = sellerId,
            Version = version,
            Kind = BaselineKind.Declared,
            AnnualFen = annualFen,
            Year = year,
            MonthlyFen = (long)Math.Round(annualFen / 12m, 0, MidpointRounding.AwayFromZero),
            Note = note,
            SetBy = setBy,
            SetAt = now,
        };
    }

    public static Baseline Derived(Guid sellerId, int version, long monthlyFen, string? note, Guid setBy, DateTimeOffset now) => new()
    {
        SellerId = sellerId,
        Version = version,
        Kind = BaselineKind.Derived,
        MonthlyFen = monthlyFen,
        Note = note,
        SetBy = setBy,
        SetAt = now,
    };

    /// <summary>The mean of three months' income, rounded to the fen away from zero.</summary>
    public static long MeanOfThreeMonths(long totalFen) => (long)Math.Round(totalFen / 3m, 0, MidpointRounding.AwayFromZero);

    private static void CheckRule(IBusinessRule rule)
    {
        if (rule.IsBroken())
        {
            throw new BusinessRuleValidationException(rule);
        }
    }
}

internal sealed class ADeclaredBaselineIsForAPastOrCurrentYearRule(int year, DateTimeOffset now) : IBusinessRule
{
    public string Message => "A declared baseline is the income of a year that has begun: not a future year.";

    public bool IsBroken() => year > ChinaTime.Today(now).Year;
}
