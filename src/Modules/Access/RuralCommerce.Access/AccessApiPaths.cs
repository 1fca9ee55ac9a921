using RuralCommerce.Shared.Infrastructure.Web;

namespace RuralCommerce.Access;

/// <summary>
/// Every route the module maps, relative to <see cref="Root"/>. The endpoints map these constants and the HTTP tests
/// fill them (<see cref="Url"/>), so a route cannot change in one place only.
/// </summary>
internal static class AccessApiPaths
{
    public const string Root = "/api/access";

    public const string Register = "/register";
    public const string PhoneVerification = "/phone-verification";
    public const string PhoneVerificationCode = PhoneVerification + "/code";
    public const string SignIn = "/sign-in";
    public const string SignInWithCode = SignIn + "/code";
    public const string RefreshToken = "/token/refresh";
    public const string SignOut = "/sign-out";
    public const string PasswordReset = "/password-reset";
    public const string Me = "/me";
    public const string MyPassword = Me + "/password";
    public const string PlatformRoles = "/accounts/{accountId:guid}/platform-roles";

    /// <summary>The absolute path of <paramref name="route"/> with its parameters filled in order.</summary>
    public static string Url(string route, params object[] values) => Root + RouteTemplate.Fill(route, values);
}
