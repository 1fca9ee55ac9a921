namespace RuralCommerce.Host;

/// <summary>
/// The environment <c>dotnet run</c> starts in. The launch profile cannot set ASPNETCORE_ENVIRONMENT or
/// DOTNET_ENVIRONMENT without overriding the operator's own (<c>ASPNETCORE_ENVIRONMENT=Production dotnet run</c> then
/// started in Development), so it names a default instead, used only when nobody chose an environment. The published
/// host has no launch profile: unchosen, it is Production.
/// </summary>
internal static class LaunchEnvironment
{
    public const string DefaultVariable = "RURALCOMMERCE_LAUNCH_ENVIRONMENT";

    /// <summary>The launch profile's default when neither a variable nor <c>--environment</c> chose one; else null.</summary>
    public static string? Default(string[] args) =>
        Chosen(args) ? null : Environment.GetEnvironmentVariable(DefaultVariable) is { Length: > 0 } fallback ? fallback : null;

    private static bool Chosen(string[] args) =>
        !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("ASPNETCORE_ENVIRONMENT"))
        || !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("DOTNET_ENVIRONMENT"))
        || args.Any(a => a.StartsWith("--environment", StringComparison.OrdinalIgnoreCase) || a.StartsWith("/environment", StringComparison.OrdinalIgnoreCase));
}
