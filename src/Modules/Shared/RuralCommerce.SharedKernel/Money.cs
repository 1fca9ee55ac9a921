using System.Globalization;

namespace RuralCommerce.SharedKernel;

/// <summary>
/// An amount of money. Amounts carry at most two decimal places (fen for CNY): anything that could produce more
/// (multiplying by a price factor, dividing a total) takes an explicit <see cref="MidpointRounding"/>.
/// Amounts in different currencies never mix.
/// </summary>
public readonly record struct Money : IComparable<Money>
{
    public const string Cny = "CNY";
    private const int MinorUnitDigits = 2;

    private Money(decimal amount, string currency)
    {
        Amount = amount;
        Currency = currency;
    }

    public decimal Amount { get; }

    public string Currency { get; }

    public static Money Zero { get; } = new(0m, Cny);

    /// <summary>Exact CNY amount: refuses amounts finer than one fen rather than silently rounding them.</summary>
    public static Money Yuan(decimal amount) => Of(amount, Cny);

    /// <summary>A CNY amount rounded to whole fen with the given rule.</summary>
    public static Money Yuan(decimal amount, MidpointRounding rounding) =>
        new(decimal.Round(amount, MinorUnitDigits, rounding), Cny);

    public static Money Of(decimal amount, string currency)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(currency);
        if (currency.Length != 3 || !currency.All(char.IsAsciiLetterUpper))
        {
            throw new ArgumentException($"'{currency}' is not an ISO 4217 currency code.", nameof(currency));
        }

        if (decimal.Round(amount, MinorUnitDigits) != amount)
        {
            throw new ArgumentException(
                $"{amount.ToString(CultureInfo.InvariantCulture)} has more than {MinorUnitDigits} decimal places; round it explicitly.",
                nameof(amount));
        }

        return new Money(amount, currency);
    }

    public static Money FromFen(long fen) => new(fen / 100m, Cny);

    public long ToFen()
    {
        if (Currency != Cny)
        {
            throw new InvalidOperationException($"Only CNY amounts are stored as fen; this amount is {Currency}.");
        }

        return decimal.ToInt64(Amount * 100m);
    }

    public bool IsNegative => Amount < 0m;

    public bool IsZero => Amount == 0m;

    public static Money operator +(Money left, Money right) => left.Add(right);

    public static Money operator -(Money left, Money right) => left.Subtract(right);

    public static bool operator <(Money left, Money right) => left.CompareTo(right) < 0;

    public static bool operator >(Money left, Money right) => left.CompareTo(right) > 0;

    public static bool operator <=(Money left, Money right) => left.CompareTo(right) <= 0;

    public static bool operator >=(Money left, Money right) => left.CompareTo(right) >= 0;

    public Money Add(Money other)
    {
        EnsureSameCurrency(other);
        return new Money(Amount + other.Amount, Currency);
    }

    public Money Subtract(Money other)
    {
        EnsureSameCurrency(other);
        return new Money(Amount - other.Amount, Currency);
    }

    public Money Negate() => new(-Amount, Currency);

    /// <summary>Quantity × unit price, a percentage share and the like: the result is rounded to the minor unit.</summary>
    public Money Multiply(decimal factor, MidpointRounding rounding) =>
        new(decimal.Round(Amount * factor, MinorUnitDigits, rounding), Currency);

    /// <summary>
    /// Splits the amount into <paramref name="parts"/> shares that differ by at most one fen and add up exactly to
    /// the original (the first shares take the remainder).
    /// </summary>
    public IReadOnlyList<Money> Allocate(int parts)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(parts);
        var minorUnits = decimal.ToInt64(Amount * 100m);
        var share = minorUnits / parts;
        var remainder = minorUnits % parts;
        var result = new Money[parts];
        for (var i = 0; i < parts; i++)
        {
            var units = share + (i < Math.Abs(remainder) ? Math.Sign(remainder) : 0);
            result[i] = new Money(units / 100m, Currency);
        }

        return result;
    }

    public int CompareTo(Money other)
    {
        EnsureSameCurrency(other);
        return Amount.CompareTo(other.Amount);
    }

    public override string ToString() =>
        $"{Amount.ToString("0.00", CultureInfo.InvariantCulture)} {Currency}";

    private void EnsureSameCurrency(Money other)
    {
        if (!string.Equals(Currency, other.Currency, StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"Cannot combine {Currency} with {other.Currency}.");
        }
    }
}
