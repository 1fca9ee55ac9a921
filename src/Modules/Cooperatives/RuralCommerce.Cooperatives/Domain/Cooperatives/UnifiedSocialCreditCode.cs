namespace RuralCommerce.Cooperatives.Domain.Cooperatives;

/// <summary>
/// The 18-character unified social credit code (GB 32100-2015): registration authority, entity type, 6-digit region,
/// 9-character organisation code and a check character over a 31-symbol alphabet without I, O, S, V and Z.
/// </summary>
internal readonly record struct UnifiedSocialCreditCode
{
    private const string Alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static readonly int[] Weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

    private UnifiedSocialCreditCode(string value) => Value = value;

    public string Value { get; }

    public static bool TryParse(string? input, out UnifiedSocialCreditCode code)
    {
        code = default;
        var value = input?.Trim().ToUpperInvariant() ?? "";
        if (value.Length != 18 || value.Any(c => !Alphabet.Contains(c, StringComparison.Ordinal)) || !value[2..8].All(char.IsAsciiDigit))
        {
            return false;
        }

        if (value[17] != CheckCharacter(value[..17]))
        {
            return false;
        }

        code = new UnifiedSocialCreditCode(value);
        return true;
    }

    public static UnifiedSocialCreditCode FromStored(string value) => new(value);

    /// <summary>The check character for the first 17 characters.</summary>
    public static char CheckCharacter(string first17)
    {
        ArgumentNullException.ThrowIfNull(first17);
        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            sum += Alphabet.IndexOf(first17[i], StringComparison.Ordinal) * Weights[i];
        }

        return Alphabet[(31 - (sum % 31)) % 31];
    }

    public override string ToString() => Value;
}
