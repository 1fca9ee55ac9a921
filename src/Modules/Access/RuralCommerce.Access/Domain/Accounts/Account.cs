using RuralCommerce.SharedKernel;

namespace RuralCommerce.Access.Domain.Accounts;

internal readonly record struct AccountId(Guid Value) : IStronglyTypedId<AccountId>
{
    public static AccountId From(Guid value) => new(value);
}

/// <summary>A person who signs in: identified by a mobile phone number, proven by a one-time code.</summary>
internal sealed class Account : AggregateRoot
{
    internal const string PlatformRolesField = nameof(_platformRoleList);

    private string _platformRoleList = RoleSet.Empty.Encoded;

    private Account()
    {
    }

    public AccountId Id { get; private set; }

    public PhoneNumber Phone { get; private set; }

    public string DisplayName { get; private set; } = "";

    public string PasswordHash { get; private set; } = "";

    public DateTimeOffset? PhoneVerifiedAt { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public bool IsPhoneVerified => PhoneVerifiedAt is not null;

    public RoleSet PlatformRoles => RoleSet.Decode(_platformRoleList);

    public static Account Register(AccountId id, PhoneNumber phone, string displayName, string passwordHash, DateTimeOffset now) =>
        new()
        {
            Id = id,
            Phone = phone,
            DisplayName = displayName,
            PasswordHash = passwordHash,
            CreatedAt = now,
        };

    public void VerifyPhone(DateTimeOffset now)
    {
        if (PhoneVerifiedAt is not null)
        {
            return;
        }

        PhoneVerifiedAt = now;
        AddDomainEvent(new PhoneVerified(this));
    }

    public void ChangePassword(string passwordHash) => PasswordHash = passwordHash;

    /// <summary>
    /// The number's holder proved it with a texted code and chose a new password. If nobody had proved the number
    /// before, whoever registered it may have been a stranger: nothing they chose stays (the name becomes the masked
    /// number until its holder gives one).
    /// </summary>
    public void ResetPasswordByPhoneHolder(string passwordHash)
    {
        if (!IsPhoneVerified)
        {
            DisplayName = Phone.Masked;
        }

        PasswordHash = passwordHash;
    }

    public void GrantPlatformRole(string role) => _platformRoleList = PlatformRoles.With(role).Encoded;

    public void RevokePlatformRole(string role) => _platformRoleList = PlatformRoles.Without(role).Encoded;
}

internal sealed record PhoneVerified(Account Account) : IDomainEvent;
