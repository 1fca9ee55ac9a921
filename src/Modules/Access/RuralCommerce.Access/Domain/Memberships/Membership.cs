using RuralCommerce.Access.Domain.Accounts;
using RuralCommerce.SharedKernel;

namespace RuralCommerce.Access.Domain.Memberships;

internal enum MembershipStatus
{
    Active,
    Suspended,
    Left,
}

/// <summary>
/// Access's own copy of a cooperative membership, fed by the Cooperatives module's events. It is linked to an
/// account only when that account has proven it owns the member's phone number.
/// </summary>
internal sealed class Membership
{
    internal const string RolesField = nameof(_roleList);

    private string _roleList = RoleSet.Empty.Encoded;

    private Membership()
    {
    }

    public Guid MemberId { get; private set; }

    public Guid CooperativeId { get; private set; }

    public PhoneNumber Phone { get; private set; }

    public AccountId? AccountId { get; private set; }

    public MembershipStatus Status { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public RoleSet Roles => RoleSet.Decode(_roleList);

    public static Membership Joined(Guid cooperativeId, Guid memberId, PhoneNumber phone, IEnumerable<string> roles, DateTimeOffset now) =>
        new()
        {
            CooperativeId = cooperativeId,
            MemberId = memberId,
            Phone = phone,
            _roleList = RoleSet.Of(roles).Encoded,
            Status = MembershipStatus.Active,
            UpdatedAt = now,
        };

    /// <summary>Links the membership to an account that verified the same phone number; anything else is refused.</summary>
    public bool TryLinkTo(Account account, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(account);
        if (AccountId is not null || !account.IsPhoneVerified || account.Phone != Phone)
        {
            return false;
        }

        AccountId = account.Id;
        UpdatedAt = now;
        return true;
    }

    public void Grant(string role, DateTimeOffset now)
    {
        if (!Roles.Contains(role))
        {
            _roleList = Roles.With(role).Encoded;
            UpdatedAt = now;
        }
    }

    public void Revoke(string role, DateTimeOffset now)
    {
        _roleList = Roles.Without(role).Encoded;
        UpdatedAt = now;
    }

    public void ChangeStatus(MembershipStatus status, DateTimeOffset now)
    {
        Status = status;
        UpdatedAt = now;
    }
}
