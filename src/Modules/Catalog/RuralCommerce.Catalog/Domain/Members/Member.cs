using RuralCommerce.Cooperatives.Contracts;
using RuralCommerce.SharedKernel;

namespace RuralCommerce.Catalog.Domain.Members;

internal enum MemberStatus
{
    Active,
    Suspended,
    Left,
}

internal enum CooperativeStatus
{
    Active,
    Suspended,
    Dissolved,
}

/// <summary>Catalog's copy of a cooperative (fed by Cooperatives' notifications): where produce comes from, and whether it may sell.</summary>
internal sealed class Cooperative
{
    private Cooperative()
    {
    }

    public Guid Id { get; private set; }

    public string Name { get; private set; } = "";

    public string Province { get; private set; } = "";

    public string County { get; private set; } = "";

    public string Village { get; private set; } = "";

    public CooperativeStatus Status { get; private set; }

    public bool IsActive => Status == CooperativeStatus.Active;

    public static Cooperative Registered(Guid id, string name, string province, string county, string village) =>
        new() { Id = id, Name = name, Province = province, County = county, Village = village, Status = CooperativeStatus.Active };

    public void ChangeStatus(CooperativeStatus status) => Status = status;
}

/// <summary>
/// Catalog's copy of a cooperative member (fed by Cooperatives' notifications): sellers list produce, livestream hosts
/// run events, and a trace page names the grower as the register names them now.
/// </summary>
internal sealed class Member
{
    internal const string RolesField = nameof(_roleList);

    private string _roleList = RoleSet.Empty.Encoded;

    private Member()
    {
    }

    public Guid Id { get; private set; }

    public Guid CooperativeId { get; private set; }

    public string Name { get; private set; } = "";

    public string Village { get; private set; } = "";

    public MemberStatus Status { get; private set; }

    public RoleSet Roles => RoleSet.Decode(_roleList);

    public bool IsActiveSeller => Status == MemberStatus.Active && Roles.Contains(MemberRoles.Seller);

    public bool IsActiveHost => Status == MemberStatus.Active && Roles.Contains(MemberRoles.LivestreamHost);

    public static Member Joined(Guid cooperativeId, Guid memberId, string name, string village, IEnumerable<string> roles) =>
        new() { Id = memberId, CooperativeId = cooperativeId, Name = name, Village = village, _roleList = RoleSet.Of(roles).Encoded, Status = MemberStatus.Active };

    public void Grant(string role) => _roleList = Roles.With(role).Encoded;

    public void Revoke(string role) => _roleList = Roles.Without(role).Encoded;

    public void ChangeStatus(MemberStatus status) => Status = status;

    public void CorrectDetails(string name, string village)
    {
        Name = name;
        Village = village;
    }
}

/// <summary>
/// A training certificate a grower earned (Training's notifications), shown on the trace page of what they grew: a
/// buyer sees the mushrooms come from someone trained to grow them.
/// </summary>
internal sealed class GrowerCertificate
{
    private GrowerCertificate()
    {
    }

    public string Code { get; private set; } = "";

    public Guid MemberId { get; private set; }

    public string CourseTitle { get; private set; } = "";

    public string Topic { get; private set; } = "";

    public DateOnly CompletedOn { get; private set; }

    public bool Revoked { get; private set; }

    public static GrowerCertificate Earned(string code, Guid memberId, string courseTitle, string topic, DateOnly completedOn) =>
        new() { Code = code, MemberId = memberId, CourseTitle = courseTitle, Topic = topic, CompletedOn = completedOn };

    public void Revoke() => Revoked = true;
}
