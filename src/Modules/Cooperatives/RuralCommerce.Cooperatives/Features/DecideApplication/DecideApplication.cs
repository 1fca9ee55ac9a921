using Microsoft.AspNetCore.Routing;
using RuralCommerce.Cooperatives.Domain.Cooperatives;
using RuralCommerce.Cooperatives.Domain.Members;
using RuralCommerce.Cooperatives.Features.Common;

namespace RuralCommerce.Cooperatives.Features.DecideApplication;

internal static class DecideApplicationEndpoints
{
    public static readonly Action<Member, Cooperative, DateTimeOffset> Approve = (member, cooperative, now) => member.Approve(cooperative, now);
    public static readonly Action<Member, Cooperative, DateTimeOffset> Reject = (member, cooperative, _) => member.Reject(cooperative);

    public static void MapDecideApplication(this IEndpointRouteBuilder group)
    {
        group.MapMemberAction(CooperativesApiPaths.ApproveApplication, "ApproveApplication", "Approves an application: the applicant becomes an active member.", Approve);
        group.MapMemberAction(CooperativesApiPaths.RejectApplication, "RejectApplication", "Rejects an application.", Reject);
    }
}
