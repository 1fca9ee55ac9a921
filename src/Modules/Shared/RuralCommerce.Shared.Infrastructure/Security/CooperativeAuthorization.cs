using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace RuralCommerce.Shared.Infrastructure.Security;

/// <summary>Access to one cooperative's routes, decided from the <c>{cooperativeId}</c> route value and the token.</summary>
internal sealed class CooperativeRequirement(bool adminOnly) : IAuthorizationRequirement
{
    public bool AdminOnly { get; } = adminOnly;
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

        var allowed = requirement.AdminOnly
            ? context.User.CanAdminister(cooperativeId)
            : context.User.IsPlatformAdmin() || context.User.MembershipIn(cooperativeId) is not null;
        if (allowed)
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }
}
