namespace RuralCommerce.Cooperatives.Domain.Members;

/// <summary>
/// A resident identity card number (GB 11643-1999): 17 digits and a check character (0–9 or X). Stored whole for
/// the cooperative's register; every response shows it masked.
/// </summary>
internal readonly record struct IdCardNumber
{
    private const string CheckCharacters = "10X98765432";
    private static readonly int[] Weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];

    private IdCardNumber(string value) => Value = value;

    public string Value { get; }

    public string Masked => $"{Value[..3]}***********{Value[^4..]}";

    public static bool TryParse(string? input, out IdCardNumber number)
    {
        number = default;
        var value = input?.Trim().ToUpperInvariant() ?? "";
        if (value.Length != 18 || !value[..17].All(char.IsAsciiDigit) || value[17] != CheckCharacter(value[..17]))
        {
            return false;
        }

        number = new IdCardNumber(value);
        return true;
    }

    public static IdCardNumber FromStored(string value) => new(value);

    public static char CheckCharacter(string first17)
    {
        ArgumentNullException.ThrowIfNull(first17);
        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            sum += (first17[i] - '0') * Weights[i];
        }

        return CheckCharacters[sum % 11];
    }
}
