using System.Reflection;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Microsoft.AspNetCore.Components;
using NetArchTest.Rules;

namespace RuralCommerce.ArchitectureTests;

/// <summary>
/// Each rule returns its violations, so the tests can show both that the solution keeps it and that it catches a
/// deliberate break (<see cref="RulesCatchViolationsTests"/>).
/// </summary>
internal static class Rules
{
    /// <summary>A module may use the shared projects and other modules' Contracts, nothing else of ours.</summary>
    public static IReadOnlyList<string> ForbiddenModuleReferences(Assembly module)
    {
        var self = module.GetName().Name!;
        return module.GetReferencedAssemblies()
            .Select(a => a.Name!)
            .Where(name => IsOurs(name) && !IsAllowedForModule(name, self))
            .ToList();
    }

    /// <summary>The same rule read from the project file, which also catches a reference nothing uses yet.</summary>
    public static IReadOnlyList<string> ForbiddenModuleProjectReferences(string projectFile)
    {
        var self = Path.GetFileNameWithoutExtension(projectFile);
        return XDocument.Load(projectFile).Descendants("ProjectReference")
            .Select(r => Path.GetFileNameWithoutExtension(r.Attribute("Include")!.Value.Replace('\\', '/')))
            .Where(name => !IsAllowedForModule(name, self))
            .ToList();
    }

    /// <summary>
    /// Only the module class is public; everything else stays internal to the module. Razor components are public by
    /// Razor's design, and so is the marker of the module's page text (<c>{Module}Text</c>) their localizer names.
    /// </summary>
    public static IReadOnlyList<string> PublicTypesOtherThanModuleClass(Assembly module, Type? moduleClass) =>
        module.GetExportedTypes()
            .Where(t => t != moduleClass && !typeof(IComponent).IsAssignableFrom(t) && t.Name != "_Imports" && !IsPageText(t, module)
                // A component's own form model (a public component's parameter must be public too).
                && !(t.DeclaringType is { } owner && typeof(IComponent).IsAssignableFrom(owner)))
            .Select(t => t.FullName!)
            .ToList();

    /// <summary>A module's pages and components use their own module's code, never another module's (not even its Contracts).</summary>
    public static IReadOnlyList<string> PagesUsingOtherModules(Assembly assembly, IEnumerable<string> moduleNames)
    {
        var self = assembly.GetName().Name!;
        var others = moduleNames.Where(m => m != self).ToArray();
        if (others.Length == 0)
        {
            return [];
        }

        var result = Types.InAssembly(assembly)
            .That().ImplementInterface(typeof(IComponent))
            .ShouldNot().HaveDependencyOnAny(others)
            .GetResult();
        return result.FailingTypeNames ?? [];
    }

    private static bool IsPageText(Type type, Assembly module) =>
        type.Name.EndsWith("Text", StringComparison.Ordinal) && type.Namespace == module.GetName().Name && type.GetMembers(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly).Length <= 1;

    /// <summary>Contracts carry events and primitives: they may depend on the shared kernel only.</summary>
    public static IReadOnlyList<string> ForbiddenContractsReferences(Assembly contracts) =>
        contracts.GetReferencedAssemblies()
            .Select(a => a.Name!)
            .Where(name => name != Solution.SharedKernel && !IsPlatform(name))
            .ToList();

    /// <summary>Domain code is plain C#: no EF Core, no ASP.NET Core.</summary>
    public static IReadOnlyList<string> DomainTypesUsingFrameworks(Assembly assembly, string domainNamespace)
    {
        var result = Types.InAssembly(assembly)
            .That().ResideInNamespace(domainNamespace)
            .ShouldNot().HaveDependencyOnAny("Microsoft.EntityFrameworkCore", "Microsoft.AspNetCore")
            .GetResult();
        return result.FailingTypeNames?.ToList() ?? [];
    }

    /// <summary>
    /// A use case folder (<c>Features.X</c>) may use <c>Features.Common</c>, <c>Domain</c> and <c>Persistence</c>, never
    /// another use case's folder: what two features share moves to <c>Features.Common</c>.
    /// </summary>
    public static IReadOnlyList<string> FeaturesUsingOtherFeatures(Assembly assembly)
    {
        var prefix = $"{assembly.GetName().Name}.Features.";
        var features = assembly.GetTypes()
            .Select(t => t.Namespace)
            .Where(ns => ns is not null && ns.StartsWith(prefix, StringComparison.Ordinal))
            .Select(ns => ns![prefix.Length..].Split('.')[0])
            .Where(feature => feature != "Common")
            .Distinct()
            .ToList();
        var violations = new List<string>();
        foreach (var feature in features)
        {
            // NetArchTest matches dependencies by namespace, so "Features.SignIn" does not catch "Features.SignInWithCode"
            // (the fixture's PlaceOrder and PlaceOrderByPhone keep that so).
            var others = features.Where(f => f != feature).Select(f => $"{prefix}{f}").ToArray();
            var result = Types.InAssembly(assembly)
                .That().ResideInNamespaceMatching($"^{Regex.Escape(prefix + feature)}(\\.|$)")
                .ShouldNot().HaveDependencyOnAny(others)
                .GetResult();
            violations.AddRange(result.FailingTypeNames ?? []);
        }

        return violations;
    }

    private static bool IsOurs(string assemblyName) => assemblyName.StartsWith("RuralCommerce.", StringComparison.Ordinal);

    private static bool IsAllowedForModule(string reference, string self) =>
        reference == Solution.SharedKernel
        || reference == Solution.SharedInfrastructure
        || reference == $"{self}.Contracts"
        || reference.EndsWith(".Contracts", StringComparison.Ordinal);

    // The runtime, and MediatR because IIntegrationEvent extends its INotification.
    private static bool IsPlatform(string assemblyName) =>
        assemblyName is "netstandard" or "mscorlib" or "MediatR"
        || assemblyName.StartsWith("System", StringComparison.Ordinal);
}
