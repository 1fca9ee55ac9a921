using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace RuralCommerce.Shared.Infrastructure.Security;

/// <summary>Access to one cooperative's routes, decided from the <c>{cooperativeId}</c> route value and the token.</summary>
/// <summary>Membership of the route's cooperative; with <paramref name="role"/>, holding that role there too.</summary>
internal sealed class CooperativeRequirement(string? role) : IAuthorizationRequirement
{
    public string? Role { get; } = role;
}

internal sealed class CooperativeRequirementHandler : AuthorizationHandler<CooperativeRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, CooperativeRequirement requirement)
    {
        var routeValue = (context.Resource as HttpContext)?.GetRouteValue(AuthorizationPolicies.CooperativeRouteValue)?.ToString();
        if (!Guid.TryParse(routeValue, out var cooperativeId))
        {
            return Task.CompletedTask;
        }

        var allowed = requirement.Role switch
        {
            null => context.User.IsPlatformAdmin() || context.User.MembershipIn(cooperativeId) is not null,
            "Admin" => context.User.CanAdminister(cooperativeId),
            // Selling and hosting are a member's own work: a platform admin administers, it does not sell.
            var role => context.User.MembershipIn(cooperativeId)?.HasRole(role) ?? false,
        };
        if (allowed)
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }
}
