using Microsoft.AspNetCore.Routing;
using RuralCommerce.Cooperatives.Domain.Cooperatives;
using RuralCommerce.Cooperatives.Domain.Members;
using RuralCommerce.Cooperatives.Features.Common;

namespace RuralCommerce.Cooperatives.Features.ChangeMemberStatus;

internal static class ChangeMemberStatusEndpoints
{
    public static readonly Action<Member, Cooperative, DateTimeOffset> Suspend = (member, cooperative, _) => member.Suspend(cooperative);
    public static readonly Action<Member, Cooperative, DateTimeOffset> Reinstate = (member, cooperative, _) => member.Reinstate(cooperative);
    public static readonly Action<Member, Cooperative, DateTimeOffset> Leave = (member, cooperative, _) => member.Leave(cooperative);

    public static void MapChangeMemberStatus(this IEndpointRouteBuilder group)
    {
        group.MapMemberAction(CooperativesApiPaths.SuspendMember, "SuspendMember", "Suspends an active member (the last administrator cannot be suspended).",
            Suspend);
        group.MapMemberAction(CooperativesApiPaths.ReinstateMember, "ReinstateMember", "Reinstates a suspended member.",
            Reinstate);
        group.MapMemberAction(CooperativesApiPaths.LeaveCooperative, "LeaveCooperative",
            "A member leaves (themself, or recorded by an administrator). Requires zero shares; the last administrator cannot leave.",
            Leave, memberMayActOnThemself: true);
    }
}
