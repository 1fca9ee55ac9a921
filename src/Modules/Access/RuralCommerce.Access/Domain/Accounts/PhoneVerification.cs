using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using RuralCommerce.SharedKernel;

namespace RuralCommerce.Access.Domain.Accounts;

internal readonly record struct PhoneVerificationId(Guid Value) : IStronglyTypedId<PhoneVerificationId>
{
    public static PhoneVerificationId From(Guid value) => new(value);
}

/// <summary>A one-time code sent to a phone. Only its hash is stored; five wrong guesses burn it.</summary>
internal sealed class PhoneVerification
{
    public const int MaxFailedAttempts = 5;

    private PhoneVerification()
    {
    }

    public PhoneVerificationId Id { get; private set; }

    public PhoneNumber Phone { get; private set; }

    public string CodeHash { get; private set; } = "";

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset ExpiresAt { get; private set; }

    public int FailedAttempts { get; private set; }

    public DateTimeOffset? ConsumedAt { get; private set; }

    public static (PhoneVerification Verification, string Code) Issue(PhoneVerificationId id, PhoneNumber phone, DateTimeOffset now, TimeSpan lifetime)
    {
        var code = RandomNumberGenerator.GetInt32(0, 1_000_000).ToString("D6", CultureInfo.InvariantCulture);
        var verification = new PhoneVerification
        {
            Id = id,
            Phone = phone,
            CodeHash = Hash(phone, code),
            CreatedAt = now,
            ExpiresAt = now + lifetime,
        };
        return (verification, code);
    }

    public bool IsUsableAt(DateTimeOffset now) =>
        ConsumedAt is null && FailedAttempts < MaxFailedAttempts && ExpiresAt > now;

    /// <summary>
    /// True when <paramref name="code"/> is right and the code still usable; a wrong guess is counted. The code stays
    /// usable until <see cref="Consume"/>: a right code with a wrong password may be tried again.
    /// </summary>
    public bool Matches(string code, DateTimeOffset now)
    {
        if (!IsUsableAt(now))
        {
            return false;
        }

        var matches = CryptographicOperations.FixedTimeEquals(
            Encoding.ASCII.GetBytes(CodeHash), Encoding.ASCII.GetBytes(Hash(Phone, code ?? "")));
        if (!matches)
        {
            FailedAttempts++;
        }

        return matches;
    }

    public void Consume(DateTimeOffset now) => ConsumedAt ??= now;

    /// <summary><see cref="Matches"/> and, when it does, <see cref="Consume"/>.</summary>
    public bool TryConsume(string code, DateTimeOffset now)
    {
        if (!Matches(code, now))
        {
            return false;
        }

        Consume(now);
        return true;
    }

    private static string Hash(PhoneNumber phone, string code) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes($"{phone.Value}:{code}")));
}
