using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using RuralCommerce.Cooperatives.Domain.Cooperatives;
using RuralCommerce.Cooperatives.Domain.Members;
using RuralCommerce.Cooperatives.Persistence;
using RuralCommerce.Shared.Infrastructure.Security;

namespace RuralCommerce.Cooperatives.Features.Common;

/// <summary>
/// The shape of the one-step member changes (approve, suspend, leave…): load the cooperative and the member, let the
/// member aggregate decide, save. Each use case keeps its own route, policy and wording.
/// </summary>
internal static class MemberAction
{
    public static RouteHandlerBuilder MapMemberAction(
        this IEndpointRouteBuilder group, string route, string name, string summary, Action<Member, Cooperative, DateTimeOffset> change,
        bool memberMayActOnThemself = false) =>
        group.MapPost(route, async (
                Guid cooperativeId, Guid memberId, ClaimsPrincipal caller, CooperativesDbContext db, TimeProvider clock,
                CancellationToken cancellationToken) =>
            {
                if (memberMayActOnThemself)
                {
                    caller.EnsureAdminOrSelf(cooperativeId, memberId);
                }

                return TypedResults.Ok(await RunAsync(db, cooperativeId, memberId, change, clock.GetUtcNow(), cancellationToken));
            })
            .RequireAuthorization(memberMayActOnThemself ? AuthorizationPolicies.CooperativeMember : AuthorizationPolicies.CooperativeAdmin)
            .WithName(name)
            .WithSummary(summary)
            .WithDescription(memberMayActOnThemself
                ? "The member themself, or a cooperative administrator. Breaking a rule answers 409 with the rule's name."
                : "Cooperative administrators. Breaking a rule answers 409 with the rule's name.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

    /// <summary>Loads the cooperative and the member, lets the member decide, saves: the endpoint's and the pages' one path.</summary>
    public static async Task<MemberResponse> RunAsync(
        CooperativesDbContext db, Guid cooperativeId, Guid memberId, Action<Member, Cooperative, DateTimeOffset> change, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        var cooperative = await db.FindCooperativeAsync(cooperativeId, cancellationToken);
        var member = await db.FindMemberAsync(cooperativeId, memberId, cancellationToken);
        change(member, cooperative, now);
        await db.SaveChangesAsync(cancellationToken);
        return member.ToResponse();
    }
}
