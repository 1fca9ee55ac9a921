using System.Security.Cryptography;

namespace RuralCommerce.Training.Domain.Enrolments;

/// <summary>
/// Proof that a learner completed a course: an unguessable code (80 random bits, 16 characters of Crockford base32)
/// that anyone may verify. A revoked certificate still verifies, as revoked.
/// </summary>
internal sealed class Certificate
{
    public const int CodeLength = 16;
    private const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    private Certificate()
    {
    }

    public string Code { get; private set; } = "";

    public DateTimeOffset IssuedAt { get; private set; }

    public DateTimeOffset? RevokedAt { get; private set; }

    public string? RevocationReason { get; private set; }

    public bool IsRevoked => RevokedAt is not null;

    public static Certificate Issue(DateTimeOffset now) => new() { Code = NewCode(), IssuedAt = now };

    /// <summary>The stored form of a code as someone typed it: upper case, without spaces or dashes; null when it cannot be one.</summary>
    public static string? Normalise(string? typed)
    {
        var code = new string((typed ?? "").Where(c => c is not ('-' or ' ')).ToArray()).ToUpperInvariant();
        return code.Length == CodeLength && code.All(c => Alphabet.Contains(c, StringComparison.Ordinal)) ? code : null;
    }

    public void Revoke(string reason, DateTimeOffset now)
    {
        RevokedAt = now;
        RevocationReason = reason;
    }

    private static string NewCode()
    {
        Span<char> code = stackalloc char[CodeLength];
        for (var i = 0; i < CodeLength; i++)
        {
            code[i] = Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)];
        }

        return new string(code);
    }
}
