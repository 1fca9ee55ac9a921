using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using RuralCommerce.Access.Domain.Accounts;
using RuralCommerce.SharedKernel;

namespace RuralCommerce.Access.Domain.Sessions;

/// <summary>
/// One link in a sign-in's chain of refresh tokens (a "family"). Each use rotates it: the token is spent and a
/// successor issued. Only the hash of the token is stored.
/// </summary>
internal sealed class RefreshToken : AggregateRoot
{
    private RefreshToken()
    {
    }

    public Guid Id { get; private set; }

    public AccountId AccountId { get; private set; }

    public Guid FamilyId { get; private set; }

    public string TokenHash { get; private set; } = "";

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset ExpiresAt { get; private set; }

    public DateTimeOffset? RotatedAt { get; private set; }

    public DateTimeOffset? RevokedAt { get; private set; }

    public static (RefreshToken Token, string Value) StartFamily(AccountId accountId, DateTimeOffset now, TimeSpan lifetime, TimeProvider clock) =>
        Create(accountId, NewId.Next(clock), now, lifetime, clock);

    /// <summary>Spends this token (if not spent yet) and issues the next one of its family.</summary>
    public (RefreshToken Token, string Value) Successor(DateTimeOffset now, TimeSpan lifetime, TimeProvider clock)
    {
        CheckRule(new RevokedOrExpiredRefreshTokenCannotBeUsedRule(this, now));
        RotatedAt ??= now;
        return Create(AccountId, FamilyId, now, lifetime, clock);
    }

    public bool IsActiveAt(DateTimeOffset now) => RotatedAt is null && RevokedAt is null && ExpiresAt > now;

    public void Revoke(DateTimeOffset now) => RevokedAt ??= now;

    public static string Hash(string value) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(value ?? "")));

    private static (RefreshToken, string) Create(AccountId accountId, Guid familyId, DateTimeOffset now, TimeSpan lifetime, TimeProvider clock)
    {
        var value = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        var token = new RefreshToken
        {
            Id = NewId.Next(clock),
            AccountId = accountId,
            FamilyId = familyId,
            TokenHash = Hash(value),
            CreatedAt = now,
            ExpiresAt = now + lifetime,
        };
        return (token, value);
    }
}

internal sealed class RevokedOrExpiredRefreshTokenCannotBeUsedRule(RefreshToken token, DateTimeOffset now) : IBusinessRule
{
    public string Message => "The refresh token has been revoked or has expired.";

    public bool IsBroken() => token.RevokedAt is not null || token.ExpiresAt <= now;
}

/// <summary>
/// A signed-out session (a refresh-token family): its access tokens are refused from now on, not only when they
/// expire. Written by sign-out, password change and detected token theft.
/// </summary>
internal sealed class RevokedSession
{
    private RevokedSession()
    {
    }

    public Guid FamilyId { get; private set; }

    public AccountId AccountId { get; private set; }

    public DateTimeOffset RevokedAt { get; private set; }

    public static RevokedSession Of(RefreshToken token, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(token);
        return new RevokedSession { FamilyId = token.FamilyId, AccountId = token.AccountId, RevokedAt = now };
    }
}
