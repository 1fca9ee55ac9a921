using RuralCommerce.ArchitectureTests.Fixtures.Domain;

namespace RuralCommerce.ArchitectureTests;

/// <summary>Every rule must be able to fail: each is run once against something that breaks it on purpose.</summary>
public sealed class RulesCatchViolationsTests
{
    [Fact]
    public void The_reference_rule_catches_a_module_that_uses_another_module()
    {
        // The host references every module: as a "module" it breaks the boundary.
        var host = typeof(Program).Assembly;

        Assert.Contains("RuralCommerce.Orders", Rules.ForbiddenModuleReferences(host));
    }

    [Fact]
    public void The_project_reference_rule_catches_a_module_project_that_references_another_module()
    {
        var project = Path.Combine(Path.GetTempPath(), $"RuralCommerce.Catalog-{Guid.NewGuid():N}.csproj");
        File.WriteAllText(project, """
            <Project Sdk="Microsoft.NET.Sdk">
              <ItemGroup>
                <ProjectReference Include="..\..\Shared\RuralCommerce.SharedKernel\RuralCommerce.SharedKernel.csproj" />
                <ProjectReference Include="..\..\Orders\RuralCommerce.Orders\RuralCommerce.Orders.csproj" />
                <ProjectReference Include="..\..\Orders\RuralCommerce.Orders.Contracts\RuralCommerce.Orders.Contracts.csproj" />
              </ItemGroup>
            </Project>
            """);
        try
        {
            Assert.Equal(["RuralCommerce.Orders"], Rules.ForbiddenModuleProjectReferences(project));
        }
        finally
        {
            File.Delete(project);
        }
    }

    [Fact]
    public void The_visibility_rule_catches_public_types()
    {
        var sharedInfrastructure = typeof(Shared.Infrastructure.Outbox.OutboxMessage).Assembly;

        Assert.Contains(typeof(Shared.Infrastructure.Outbox.OutboxMessage).FullName, Rules.PublicTypesOtherThanModuleClass(sharedInfrastructure, null));
    }

    [Fact]
    public void The_contracts_rule_catches_a_dependency_beyond_the_shared_kernel()
    {
        var module = typeof(Cooperatives.CooperativesModule).Assembly;

        Assert.Contains(Solution.SharedInfrastructure, Rules.ForbiddenContractsReferences(module));
    }

    [Fact]
    public void The_domain_rule_catches_a_domain_type_that_uses_EF_Core()
    {
        var violations = Rules.DomainTypesUsingFrameworks(typeof(LeakyHarvest).Assembly, typeof(LeakyHarvest).Namespace!);

        Assert.Equal([typeof(LeakyHarvest).FullName!], violations);
    }

    [Fact]
    public void The_page_rule_catches_a_page_that_uses_another_module()
    {
        var violations = Rules.PagesUsingOtherModules(typeof(Fixtures.Pages.SpyingPage).Assembly, ["RuralCommerce.ArchitectureTests", "RuralCommerce.Cooperatives"]);

        Assert.Equal([typeof(Fixtures.Pages.SpyingPage).FullName!], violations);
    }

    [Fact]
    public void The_feature_folder_rule_catches_a_use_case_that_uses_another()
    {
        var violations = Rules.FeaturesUsingOtherFeatures(typeof(Features.PlaceOrder.PlaceOrderEndpoint).Assembly);

        Assert.Equal([typeof(Features.PlaceOrder.PlaceOrderEndpoint).FullName!], violations);
    }
}
