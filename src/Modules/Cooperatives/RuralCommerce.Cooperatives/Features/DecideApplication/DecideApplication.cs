using Microsoft.AspNetCore.Routing;
using RuralCommerce.Cooperatives.Features.Common;

namespace RuralCommerce.Cooperatives.Features.DecideApplication;

internal static class DecideApplicationEndpoints
{
    public static void MapDecideApplication(this IEndpointRouteBuilder group)
    {
        group.MapMemberAction(CooperativesApiPaths.ApproveApplication, "ApproveApplication", "Approves an application: the applicant becomes an active member.",
            (member, cooperative, now) => member.Approve(cooperative, now));
        group.MapMemberAction(CooperativesApiPaths.RejectApplication, "RejectApplication", "Rejects an application.",
            (member, cooperative, _) => member.Reject(cooperative));
    }
}
