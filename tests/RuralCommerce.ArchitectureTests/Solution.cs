using System.Reflection;
using RuralCommerce.Access;
using RuralCommerce.Catalog;
using RuralCommerce.Cooperatives;
using RuralCommerce.IncomeTracking;
using RuralCommerce.Orders;
using RuralCommerce.Training;

namespace RuralCommerce.ArchitectureTests;

/// <summary>The modules under test: their assemblies, module classes and Contracts assemblies.</summary>
internal static class Solution
{
    public const string SharedKernel = "RuralCommerce.SharedKernel";
    public const string SharedInfrastructure = "RuralCommerce.Shared.Infrastructure";

    public static readonly IReadOnlyList<Type> ModuleClasses =
    [
        typeof(CooperativesModule), typeof(AccessModule), typeof(CatalogModule),
        typeof(TrainingModule), typeof(OrdersModule), typeof(IncomeTrackingModule),
    ];

    public static IEnumerable<Assembly> ModuleAssemblies => ModuleClasses.Select(t => t.Assembly);

    public static IEnumerable<Assembly> ContractsAssemblies => ModuleAssemblies.Select(a => Assembly.Load($"{a.GetName().Name}.Contracts"));

    public static TheoryData<string> ModuleNames => new(ModuleAssemblies.Select(a => a.GetName().Name!));

    public static TheoryData<string> ContractsNames => new(ContractsAssemblies.Select(a => a.GetName().Name!));

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
}
