namespace RuralCommerce.Shared.Infrastructure.Security;

/// <summary>Policy and role names shared by all modules, so no endpoint invents its own spelling.</summary>
public static class AuthorizationPolicies
{
    /// <summary>Platform operators: register cooperatives, see and replay parked messages.</summary>
    public const string PlatformAdmin = "PlatformAdmin";
}

public static class PlatformRoles
{
    public const string Admin = "platform-admin";
}
