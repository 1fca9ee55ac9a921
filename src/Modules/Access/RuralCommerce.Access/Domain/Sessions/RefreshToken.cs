using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using RuralCommerce.Access.Domain.Accounts;
using RuralCommerce.SharedKernel;

namespace RuralCommerce.Access.Domain.Sessions;

internal readonly record struct RefreshTokenId(Guid Value) : IStronglyTypedId<RefreshTokenId>
{
    public static RefreshTokenId From(Guid value) => new(value);
}

/// <summary>A sign-in session: the family of refresh tokens it rotates through, and the <c>sid</c> of its access tokens.</summary>
internal readonly record struct SessionId(Guid Value) : IStronglyTypedId<SessionId>
{
    public static SessionId From(Guid value) => new(value);
}

/// <summary>
/// One link in a sign-in's chain of refresh tokens (a "family"). Each use rotates it: the token is spent and a
/// successor issued. Only the hash of the token is stored.
/// </summary>
internal sealed class RefreshToken : AggregateRoot
{
    private RefreshToken()
    {
    }

    public RefreshTokenId Id { get; private set; }

    public AccountId AccountId { get; private set; }

    public SessionId FamilyId { get; private set; }

    public string TokenHash { get; private set; } = "";

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset ExpiresAt { get; private set; }

    public DateTimeOffset? RotatedAt { get; private set; }

    public DateTimeOffset? RevokedAt { get; private set; }

    public static (RefreshToken Token, string Value) StartFamily(
        RefreshTokenId id, SessionId session, AccountId accountId, DateTimeOffset now, TimeSpan lifetime) =>
        Create(id, accountId, session, now, lifetime);

    /// <summary>Spends this token (if not spent yet) and issues the next one of its family.</summary>
    public (RefreshToken Token, string Value) Successor(RefreshTokenId successorId, DateTimeOffset now, TimeSpan lifetime)
    {
        CheckRule(new RevokedOrExpiredRefreshTokenCannotBeUsedRule(this, now));
        RotatedAt ??= now;
        return Create(successorId, AccountId, FamilyId, now, lifetime);
    }

    public bool IsActiveAt(DateTimeOffset now) => RotatedAt is null && RevokedAt is null && ExpiresAt > now;

    public void Revoke(DateTimeOffset now) => RevokedAt ??= now;

    public static string Hash(string value) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(value ?? "")));

    private static (RefreshToken, string) Create(RefreshTokenId id, AccountId accountId, SessionId familyId, DateTimeOffset now, TimeSpan lifetime)
    {
        var value = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        var token = new RefreshToken
        {
            Id = id,
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

    public SessionId FamilyId { get; private set; }

    public AccountId AccountId { get; private set; }

    public DateTimeOffset RevokedAt { get; private set; }

    public static RevokedSession Of(RefreshToken token, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(token);
        return new RevokedSession { FamilyId = token.FamilyId, AccountId = token.AccountId, RevokedAt = now };
    }
}
