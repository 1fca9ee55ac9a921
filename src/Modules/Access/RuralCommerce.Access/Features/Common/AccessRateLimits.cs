namespace RuralCommerce.Access.Features.Common;

internal static class AccessRateLimits
{
    /// <summary>Every credential endpoint, per client address: the generous backstop behind the limits per number.</summary>
    public const string Credentials = "access-credentials";
}
