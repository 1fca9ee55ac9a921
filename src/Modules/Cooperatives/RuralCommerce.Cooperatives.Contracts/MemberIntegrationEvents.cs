using RuralCommerce.SharedKernel;

namespace RuralCommerce.Cooperatives.Contracts;

/// <summary>Role names a member can hold in a cooperative, as they travel in events and access tokens.</summary>
public static class MemberRoles
{
    public const string Admin = "Admin";
    public const string Seller = "Seller";
    public const string LivestreamHost = "LivestreamHost";
    public const string Trainer = "Trainer";

    public static IReadOnlyList<string> All { get; } = [Admin, Seller, LivestreamHost, Trainer];
}

/// <summary>Something happened to one member: delivered in order per member (joined before any role change).</summary>
public abstract record MemberIntegrationEvent(Guid CooperativeId, Guid MemberId) : IntegrationEvent
{
    public override string PartitionKey => $"member:{MemberId}";
}

/// <summary>Something happened to a cooperative as a whole: delivered in order per cooperative.</summary>
public abstract record CooperativeIntegrationEvent(Guid CooperativeId) : IntegrationEvent
{
    public override string PartitionKey => $"cooperative:{CooperativeId}";
}

/// <summary>A person became an active member. <paramref name="AccountId"/> is the applicant's account, if known.</summary>
public sealed record MemberJoinedIntegrationEvent(
    Guid CooperativeId, Guid MemberId, string Name, string Phone, string Village, IReadOnlyList<string> Roles, Guid? AccountId, DateOnly JoinedOn)
    : MemberIntegrationEvent(CooperativeId, MemberId);

public sealed record MemberRoleGrantedIntegrationEvent(Guid CooperativeId, Guid MemberId, string Role)
    : MemberIntegrationEvent(CooperativeId, MemberId);

public sealed record MemberRoleRevokedIntegrationEvent(Guid CooperativeId, Guid MemberId, string Role)
    : MemberIntegrationEvent(CooperativeId, MemberId);

public sealed record MemberSuspendedIntegrationEvent(Guid CooperativeId, Guid MemberId)
    : MemberIntegrationEvent(CooperativeId, MemberId);

public sealed record MemberReinstatedIntegrationEvent(Guid CooperativeId, Guid MemberId)
    : MemberIntegrationEvent(CooperativeId, MemberId);

public sealed record MemberLeftIntegrationEvent(Guid CooperativeId, Guid MemberId)
    : MemberIntegrationEvent(CooperativeId, MemberId);

/// <summary>A member's name or village was corrected (the ID card number never leaves Cooperatives).</summary>
public sealed record MemberDetailsCorrectedIntegrationEvent(Guid CooperativeId, Guid MemberId, string Name, string Village)
    : MemberIntegrationEvent(CooperativeId, MemberId);

public sealed record CooperativeRegisteredIntegrationEvent(
    Guid CooperativeId, string Name, string CreditCode, string Province, string County, string Township, string Village)
    : CooperativeIntegrationEvent(CooperativeId);

public sealed record CooperativeSuspendedIntegrationEvent(Guid CooperativeId)
    : CooperativeIntegrationEvent(CooperativeId);

public sealed record CooperativeReinstatedIntegrationEvent(Guid CooperativeId)
    : CooperativeIntegrationEvent(CooperativeId);

public sealed record CooperativeDissolvedIntegrationEvent(Guid CooperativeId)
    : CooperativeIntegrationEvent(CooperativeId);
