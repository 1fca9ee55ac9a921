using Microsoft.AspNetCore.Routing;
using RuralCommerce.Cooperatives.Features.Common;

namespace RuralCommerce.Cooperatives.Features.ChangeMemberStatus;

internal static class ChangeMemberStatusEndpoints
{
    public static void MapChangeMemberStatus(this IEndpointRouteBuilder group)
    {
        group.MapMemberAction(CooperativesApiPaths.SuspendMember, "SuspendMember", "Suspends an active member (the last administrator cannot be suspended).",
            (member, cooperative, _) => member.Suspend(cooperative));
        group.MapMemberAction(CooperativesApiPaths.ReinstateMember, "ReinstateMember", "Reinstates a suspended member.",
            (member, cooperative, _) => member.Reinstate(cooperative));
        group.MapMemberAction(CooperativesApiPaths.LeaveCooperative, "LeaveCooperative",
            "A member leaves (themself, or recorded by an administrator). Requires zero shares; the last administrator cannot leave.",
            (member, cooperative, _) => member.Leave(cooperative), memberMayActOnThemself: true);
    }
}
