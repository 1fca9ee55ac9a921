using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;

namespace RuralCommerce.SharedKernel;

/// <summary>
/// A mobile phone number in E.164 form (<c>+8613800138000</c>). Parsing accepts the usual ways people type one:
/// spaces, dashes, a <c>0086</c> prefix, or a bare 11-digit mainland mobile number, which is taken as +86.
/// </summary>
public readonly partial record struct PhoneNumber
{
    private PhoneNumber(string value) => Value = value;

    public string Value { get; }

    public static bool TryParse([NotNullWhen(true)] string? input, out PhoneNumber phone)
    {
        phone = default;
        if (string.IsNullOrWhiteSpace(input))
        {
            return false;
        }

        var compact = Separators().Replace(input.Trim(), "");
        if (compact.StartsWith("00", StringComparison.Ordinal))
        {
            compact = "+" + compact[2..];
        }
        else if (MainlandMobile().IsMatch(compact))
        {
            compact = "+86" + compact;
        }

        if (!E164().IsMatch(compact) || (compact.StartsWith("+86", StringComparison.Ordinal) && !MainlandMobile().IsMatch(compact[3..])))
        {
            return false;
        }

        phone = new PhoneNumber(compact);
        return true;
    }

    /// <summary>Parses or throws a 400-mapped validation error naming <paramref name="field"/>.</summary>
    public static PhoneNumber Parse(string? input, string field = "phone") =>
        TryParse(input, out var phone)
            ? phone
            : throw new RequestValidationException(field, "Enter a mobile phone number such as +8613800138000.");

    /// <summary>Rebuilds a value that was validated before it was stored.</summary>
    public static PhoneNumber FromStored(string value) => new(value);

    /// <summary>
    /// The number with its middle digits hidden, for lists and logs: <c>+86 139****5678</c> (other countries:
    /// <c>+4479****1234</c>). Nothing that identifies the person is written to a log in full.
    /// </summary>
    public string Masked =>
        Value.StartsWith("+86", StringComparison.Ordinal) && Value.Length == 14
            ? $"+86 {Value[3..6]}****{Value[^4..]}"
            : $"{Value[..Math.Min(5, Value.Length - 4)]}****{Value[^4..]}";

    public override string ToString() => Value;

    [GeneratedRegex(@"[\s\-().]")]
    private static partial Regex Separators();

    [GeneratedRegex(@"^\+[1-9]\d{7,14}$")]
    private static partial Regex E164();

    [GeneratedRegex(@"^1[3-9]\d{9}$")]
    private static partial Regex MainlandMobile();
}
