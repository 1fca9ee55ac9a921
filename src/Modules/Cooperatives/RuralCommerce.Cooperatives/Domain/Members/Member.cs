using RuralCommerce.Cooperatives.Contracts;
using RuralCommerce.Cooperatives.Domain.Cooperatives;
using RuralCommerce.SharedKernel;

namespace RuralCommerce.Cooperatives.Domain.Members;

internal readonly record struct MemberId(Guid Value) : IStronglyTypedId<MemberId>
{
    public static MemberId From(Guid value) => new(value);
}

internal enum MemberStatus
{
    Applied,
    Active,
    Suspended,
    Left,
    Rejected,
}

internal sealed record MemberJoined(Member Member) : IDomainEvent;

internal sealed record MemberRoleChanged(CooperativeId CooperativeId, MemberId MemberId, string Role, bool Granted) : IDomainEvent;

internal sealed record MemberStatusChanged(CooperativeId CooperativeId, MemberId MemberId, MemberStatus Status) : IDomainEvent;

/// <summary>A joined member's name or village was corrected: other modules' copies (a seller's grower name) follow.</summary>
internal sealed record MemberDetailsCorrected(CooperativeId CooperativeId, MemberId MemberId, string Name, string Village) : IDomainEvent;

/// <summary>A person in a cooperative's register: applies or is added, holds roles and shares, and may leave.</summary>
internal sealed class Member : AggregateRoot
{
    /// <summary>The field that holds <see cref="Roles"/> encoded, for the mapping and the role query.</summary>
    internal const string RolesField = nameof(_roleList);

    private string _roleList = RoleSet.Empty.Encoded;

    private Member()
    {
    }

    public MemberId Id { get; private set; }

    public CooperativeId CooperativeId { get; private set; }

    public string Name { get; private set; } = "";

    public PhoneNumber Phone { get; private set; }

    public string Village { get; private set; } = "";

    /// <summary>The phone's digits, kept only so administrators can search by part of a number.</summary>
    public string PhoneDigits { get; private set; } = "";

    public IdCardNumber? IdCardNumber { get; private set; }

    public MemberStatus Status { get; private set; }

    /// <summary>The account that applied, for self-service applications.</summary>
    public Guid? ApplicantAccountId { get; private set; }

    public DateTimeOffset AppliedAt { get; private set; }

    public DateOnly? JoinedOn { get; private set; }

    public int Shares { get; private set; }

    public RoleSet Roles => RoleSet.Decode(_roleList);

    public bool IsCurrent => Status is MemberStatus.Applied or MemberStatus.Active or MemberStatus.Suspended;

    public bool IsActiveAdmin => Status == MemberStatus.Active && HasRole(MemberRoles.Admin);

    private Member(MemberId id, Cooperative cooperative, string name, PhoneNumber phone, string village, IdCardNumber? idCard, DateTimeOffset now)
    {
        EnsureAcceptsChanges(cooperative);
        Id = id;
        CooperativeId = cooperative.Id;
        Name = name;
        Phone = phone;
        PhoneDigits = phone.Value.TrimStart('+');
        Village = village;
        IdCardNumber = idCard;
        Status = MemberStatus.Applied;
        AppliedAt = now;
    }

    /// <summary>A person asks to join; an administrator approves or rejects.</summary>
    public static Member Apply(
        MemberId id, Cooperative cooperative, string name, PhoneNumber phone, string village, IdCardNumber? idCard, Guid applicantAccountId, DateTimeOffset now) =>
        new(id, cooperative, name, phone, village, idCard, now) { ApplicantAccountId = applicantAccountId };

    /// <summary>An administrator enters a member directly (or the platform appoints a new cooperative's first admin).</summary>
    public static Member Add(
        MemberId id, Cooperative cooperative, string name, PhoneNumber phone, string village, IdCardNumber? idCard,
        IEnumerable<string> roles, DateTimeOffset now)
    {
        var member = new Member(id, cooperative, name, phone, village, idCard, now)
        {
            _roleList = RoleSet.Of(roles).Encoded,
        };
        member.Activate(cooperative, now);
        return member;
    }

    /// <summary>
    /// Corrects the register entry (a misspelt name, a moved household). The phone is the identity and stays. Allowed
    /// whatever the member's status — a suspended or departed member's entry must be right too — but not once the
    /// cooperative is dissolved.
    /// </summary>
    public void CorrectDetails(Cooperative cooperative, string name, string village, IdCardNumber? idCard)
    {
        ArgumentNullException.ThrowIfNull(cooperative);
        CheckRule(new DissolvedCooperativeAcceptsNoChangesRule(cooperative));
        var changed = name != Name || village != Village;
        Name = name;
        Village = village;
        IdCardNumber = idCard ?? IdCardNumber;
        // Before joining nobody else holds a copy: the joined notification carries the details as they are then.
        if (changed && JoinedOn is not null)
        {
            AddDomainEvent(new MemberDetailsCorrected(CooperativeId, Id, Name, Village));
        }
    }

    public void Approve(Cooperative cooperative, DateTimeOffset now)
    {
        EnsureAcceptsChanges(cooperative);
        CheckRule(new OnlyAnApplicationCanBeDecidedRule(this));
        Activate(cooperative, now);
    }

    public void Reject(Cooperative cooperative)
    {
        EnsureAcceptsChanges(cooperative);
        CheckRule(new OnlyAnApplicationCanBeDecidedRule(this));
        Status = MemberStatus.Rejected;
    }

    public void Suspend(Cooperative cooperative)
    {
        EnsureAcceptsChanges(cooperative);
        CheckRule(new MemberWhoLeftCannotBeSuspendedRule(this));
        CheckRule(new MemberMustBeActiveRule(this));
        if (HasRole(MemberRoles.Admin))
        {
            cooperative.AdminDeactivated();
        }

        ChangeStatus(MemberStatus.Suspended);
    }

    public void Reinstate(Cooperative cooperative)
    {
        EnsureAcceptsChanges(cooperative);
        CheckRule(new OnlySuspendedMemberCanBeReinstatedRule(this));
        if (HasRole(MemberRoles.Admin))
        {
            cooperative.AdminActivated();
        }

        ChangeStatus(MemberStatus.Active);
    }

    public void Leave(Cooperative cooperative)
    {
        EnsureAcceptsChanges(cooperative);
        CheckRule(new MemberMustBeActiveOrSuspendedToLeaveRule(this));
        CheckRule(new MemberWithSharesCannotLeaveRule(this));
        if (IsActiveAdmin)
        {
            cooperative.AdminDeactivated();
        }

        ChangeStatus(MemberStatus.Left);
    }

    public void GrantRole(Cooperative cooperative, string role)
    {
        EnsureAcceptsChanges(cooperative);
        CheckRule(new MemberMustBeActiveRule(this));
        if (HasRole(role))
        {
            return;
        }

        if (role == MemberRoles.Admin)
        {
            cooperative.AdminActivated();
        }

        _roleList = Roles.With(role).Encoded;
        AddDomainEvent(new MemberRoleChanged(CooperativeId, Id, role, Granted: true));
    }

    public void RevokeRole(Cooperative cooperative, string role)
    {
        EnsureAcceptsChanges(cooperative);
        CheckRule(new MemberMustBeActiveRule(this));
        if (!HasRole(role))
        {
            return;
        }

        if (role == MemberRoles.Admin)
        {
            cooperative.AdminDeactivated();
        }

        _roleList = Roles.Without(role).Encoded;
        AddDomainEvent(new MemberRoleChanged(CooperativeId, Id, role, Granted: false));
    }

    public void ReceiveShares(Cooperative cooperative, int count)
    {
        EnsureAcceptsChanges(cooperative);
        CheckRule(new MemberMustBeActiveRule(this));
        CheckRule(new ShareCountMustBePositiveRule(count));
        Shares += count;
    }

    public void GiveUpShares(Cooperative cooperative, int count)
    {
        EnsureAcceptsChanges(cooperative);
        CheckRule(new ShareCountMustBePositiveRule(count));
        CheckRule(new CannotGiveUpMoreSharesThanHeldRule(this, count));
        Shares -= count;
    }

    public bool HasRole(string role) => Roles.Contains(role);

    private static void EnsureAcceptsChanges(Cooperative cooperative)
    {
        ArgumentNullException.ThrowIfNull(cooperative);
        cooperative.EnsureAcceptsChanges();
    }

    private void Activate(Cooperative cooperative, DateTimeOffset now)
    {
        Status = MemberStatus.Active;
        JoinedOn = DateOnly.FromDateTime(now.UtcDateTime);
        if (HasRole(MemberRoles.Admin))
        {
            cooperative.AdminActivated();
        }

        AddDomainEvent(new MemberJoined(this));
    }

    private void ChangeStatus(MemberStatus status)
    {
        Status = status;
        AddDomainEvent(new MemberStatusChanged(CooperativeId, Id, status));
    }
}
