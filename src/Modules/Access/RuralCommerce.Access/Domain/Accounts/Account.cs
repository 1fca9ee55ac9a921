using RuralCommerce.SharedKernel;

namespace RuralCommerce.Access.Domain.Accounts;

internal readonly record struct AccountId(Guid Value) : IStronglyTypedId<AccountId>
{
    public static AccountId From(Guid value) => new(value);
}

/// <summary>A person who signs in: identified by a mobile phone number, proven by a one-time code.</summary>
internal sealed class Account : AggregateRoot
{
    private string _platformRoleList = "";

    private Account()
    {
    }

    public AccountId Id { get; private set; }

    public PhoneNumber Phone { get; private set; }

    public string DisplayName { get; private set; } = "";

    public string PasswordHash { get; private set; } = "";

    public DateTimeOffset? PhoneVerifiedAt { get; private set; }

    public int FailedSignIns { get; private set; }

    public DateTimeOffset? LockedUntil { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public bool IsPhoneVerified => PhoneVerifiedAt is not null;

    public IReadOnlyList<string> PlatformRoles => _platformRoleList.Split(',', StringSplitOptions.RemoveEmptyEntries);

    public static Account Register(AccountId id, PhoneNumber phone, string displayName, string passwordHash, DateTimeOffset now) =>
        new()
        {
            Id = id,
            Phone = phone,
            DisplayName = displayName,
            PasswordHash = passwordHash,
            CreatedAt = now,
        };

    public void VerifyPhone(DateTimeOffset now) => PhoneVerifiedAt ??= now;

    public bool IsLockedOutAt(DateTimeOffset now) => LockedUntil > now;

    /// <summary>Counts a wrong password; the <paramref name="maxFailures"/>th in a row locks the account.</summary>
    public void RecordFailedSignIn(DateTimeOffset now, int maxFailures, TimeSpan lockout)
    {
        CheckRule(new LockedAccountCannotSignInRule(this, now));
        FailedSignIns++;
        if (FailedSignIns >= maxFailures)
        {
            LockedUntil = now + lockout;
            FailedSignIns = 0;
        }
    }

    public void RecordSuccessfulSignIn(DateTimeOffset now)
    {
        CheckRule(new LockedAccountCannotSignInRule(this, now));
        FailedSignIns = 0;
        LockedUntil = null;
    }

    public void ChangePassword(string passwordHash) => PasswordHash = passwordHash;

    public void GrantPlatformRole(string role)
    {
        if (!PlatformRoles.Contains(role, StringComparer.Ordinal))
        {
            _platformRoleList = string.Join(',', PlatformRoles.Append(role));
        }
    }
}

internal sealed class LockedAccountCannotSignInRule(Account account, DateTimeOffset now) : IBusinessRule
{
    public string Message => "The account is locked after repeated failed sign-ins.";

    public bool IsBroken() => account.IsLockedOutAt(now);
}
