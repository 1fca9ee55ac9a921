using RuralCommerce.Shared.Infrastructure.Web;
using RuralCommerce.SharedKernel;

namespace RuralCommerce.Access.Features.Common;

/// <summary>What a password must be: 8–128 characters, letters and digits, not the phone number, not a common one.</summary>
internal static class PasswordPolicy
{
    public const int MaxLength = 128;

    private static readonly HashSet<string> Common = new(StringComparer.OrdinalIgnoreCase)
    {
        "password1", "password123", "passw0rd", "abc12345", "abcd1234", "a1234567", "a12345678", "12345678a",
        "qwerty123", "qwer1234", "1q2w3e4r", "1qaz2wsx", "woaini1314", "iloveyou1", "admin123", "zxcvbnm1",
    };

    /// <summary>
    /// A password given to be checked (sign-in, confirmation): present and no longer than any password can be, so an
    /// oversized one is refused before it is hashed.
    /// </summary>
    public static void RequireGiven(string? password, string field, ValidationErrors errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (errors.Require(!string.IsNullOrEmpty(password), field, $"{field} is required."))
        {
            errors.Require(password!.Length <= MaxLength, field, $"{field} is at most {MaxLength} characters.");
        }
    }

    public static void Check(string? password, PhoneNumber phone, string field, ValidationErrors errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        password ??= "";
        if (!errors.Require(password.Length is >= 8 and <= MaxLength, field, "Use 8 to 128 characters."))
        {
            return;
        }

        errors.Require(password.Any(char.IsLetter) && password.Any(char.IsDigit), field, "Use both letters and digits.");
        errors.Require(!Common.Contains(password), field, "This password is too common.");
        var phoneDigits = phone.Value.Length >= 8 ? phone.Value[^8..] : null;
        errors.Require(phoneDigits is null || !password.Contains(phoneDigits, StringComparison.Ordinal), field, "Do not use your phone number.");
    }
}
