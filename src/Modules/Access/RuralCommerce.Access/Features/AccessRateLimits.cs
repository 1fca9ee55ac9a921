namespace RuralCommerce.Access.Features;

internal static class AccessRateLimits
{
    /// <summary>Sign-in, registration, verification codes and refresh, per client address.</summary>
    public const string Credentials = "access-credentials";
}
