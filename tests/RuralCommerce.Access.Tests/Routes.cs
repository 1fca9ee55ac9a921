namespace RuralCommerce.Access.Tests;

/// <summary>Access's routes filled from the constants its endpoints are mapped with (<see cref="AccessApiPaths"/>).</summary>
internal static class Routes
{
    public static Uri Of(string route, params object[] values) => new(AccessApiPaths.Url(route, values), UriKind.Relative);
}
