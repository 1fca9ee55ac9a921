using System.Reflection;
using RuralCommerce.TestSupport;

namespace RuralCommerce.ArchitectureTests;

/// <summary>The modules under test: their assemblies, module classes and Contracts assemblies.</summary>
internal static class Solution
{
    public const string SharedKernel = "RuralCommerce.SharedKernel";
    public const string SharedInfrastructure = "RuralCommerce.Shared.Infrastructure";

    /// <summary>Every module of the solution (read from the solution file): its public <c>{Name}Module</c> class.</summary>
    public static IReadOnlyList<Type> ModuleClasses { get; } = SolutionModules.Names
        .Select(name => Assembly.Load($"RuralCommerce.{name}").GetType($"RuralCommerce.{name}.{name}Module", throwOnError: true)!)
        .ToList();

    public static IEnumerable<Assembly> ModuleAssemblies => ModuleClasses.Select(t => t.Assembly);

    public static IEnumerable<Assembly> ContractsAssemblies => ModuleAssemblies.Select(a => Assembly.Load($"{a.GetName().Name}.Contracts"));

    public static TheoryData<string> ModuleNames => new(ModuleAssemblies.Select(a => a.GetName().Name!));

    public static TheoryData<string> ContractsNames => new(ContractsAssemblies.Select(a => a.GetName().Name!));

    public static string RepositoryRoot => SolutionModules.RepositoryRoot;
}
