using System.Text.RegularExpressions;

namespace RuralCommerce.TestSupport;

/// <summary>
/// The modules of the solution, read from <c>RuralCommerce.sln</c> as <c>build/modules.sh</c> reads them: a module is a
/// project <c>src/Modules/{Name}/RuralCommerce.{Name}/RuralCommerce.{Name}.csproj</c>. Tests compare the host's own
/// explicit module list against it, so adding a module in one place and not the other fails.
/// </summary>
public static partial class SolutionModules
{
    public static IReadOnlyList<string> Names { get; } =
        ModuleProject().Matches(File.ReadAllText(Path.Combine(RepositoryRoot, "RuralCommerce.sln")))
            .Where(m => m.Groups[1].Value == m.Groups[2].Value && m.Groups[1].Value != "Shared")
            .Select(m => m.Groups[1].Value)
            .ToList();

    public static string RepositoryRoot
    {
        get
        {
            var directory = new DirectoryInfo(AppContext.BaseDirectory);
            while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "RuralCommerce.sln")))
            {
                directory = directory.Parent;
            }

            return directory?.FullName ?? throw new InvalidOperationException("RuralCommerce.sln not found above the test folder.");
        }
    }

    /// <summary>The module's route segment: <c>IncomeTracking</c> → <c>income-tracking</c>.</summary>
    public static string RouteSegment(string module) =>
        Regex.Replace(module, "(?<!^)([A-Z])", "-$1").ToLowerInvariant();

    [GeneratedRegex(@"src\\Modules\\([A-Za-z]+)\\RuralCommerce\.([A-Za-z]+)\\RuralCommerce\.[A-Za-z]+\.csproj")]
    private static partial Regex ModuleProject();
}
