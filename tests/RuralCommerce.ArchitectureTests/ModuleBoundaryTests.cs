namespace RuralCommerce.ArchitectureTests;

public sealed class ModuleBoundaryTests
{
    public static TheoryData<string> Modules => Solution.ModuleNames;

    public static TheoryData<string> Contracts => Solution.ContractsNames;

    [Theory]
    [MemberData(nameof(Modules))]
    public void A_module_uses_only_the_shared_projects_and_other_modules_contracts(string module)
    {
        var assembly = Solution.ModuleAssemblies.Single(a => a.GetName().Name == module);

        Assert.Empty(Rules.ForbiddenModuleReferences(assembly));
    }

    [Theory]
    [MemberData(nameof(Modules))]
    public void A_module_project_references_only_the_shared_projects_and_contracts(string module)
    {
        var folder = module["RuralCommerce.".Length..];
        var project = Path.Combine(Solution.RepositoryRoot, "src", "Modules", folder, module, $"{module}.csproj");

        Assert.Empty(Rules.ForbiddenModuleProjectReferences(project));
    }

    [Theory]
    [MemberData(nameof(Modules))]
    public void Pages_use_only_their_own_module(string module)
    {
        var assembly = Solution.ModuleAssemblies.Single(a => a.GetName().Name == module);

        Assert.Empty(Rules.PagesUsingOtherModules(assembly, Solution.ModuleAssemblies.Select(a => a.GetName().Name!)));
    }

    [Theory]
    [MemberData(nameof(Modules))]
    public void Only_the_module_class_is_public(string module)
    {
        var assembly = Solution.ModuleAssemblies.Single(a => a.GetName().Name == module);
        var moduleClass = Solution.ModuleClasses.Single(t => t.Assembly == assembly);

        Assert.Empty(Rules.PublicTypesOtherThanModuleClass(assembly, moduleClass));
    }

    [Theory]
    [MemberData(nameof(Contracts))]
    public void Contracts_depend_only_on_the_shared_kernel(string contracts)
    {
        var assembly = Solution.ContractsAssemblies.Single(a => a.GetName().Name == contracts);

        Assert.Empty(Rules.ForbiddenContractsReferences(assembly));
    }

    [Theory]
    [MemberData(nameof(Modules))]
    public void Domain_code_uses_neither_EF_Core_nor_ASP_NET_Core(string module)
    {
        var assembly = Solution.ModuleAssemblies.Single(a => a.GetName().Name == module);

        Assert.Empty(Rules.DomainTypesUsingFrameworks(assembly, $"{module}.Domain"));
    }

    [Theory]
    [MemberData(nameof(Modules))]
    public void A_use_case_folder_uses_no_other_use_case_folder(string module)
    {
        var assembly = Solution.ModuleAssemblies.Single(a => a.GetName().Name == module);

        Assert.Empty(Rules.FeaturesUsingOtherFeatures(assembly));
    }

    [Fact]
    public void The_shared_kernel_uses_neither_EF_Core_nor_ASP_NET_Core()
    {
        var sharedKernel = typeof(SharedKernel.Money).Assembly;

        Assert.Empty(Rules.DomainTypesUsingFrameworks(sharedKernel, Solution.SharedKernel));
    }
}
