using System.Reflection;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace RuralCommerce.Shared.Infrastructure;

/// <summary>
/// A module as the host sees it: its name, how it registers its services, how it maps its endpoints, and the
/// assembly its pages (Razor components with <c>@page</c>) live in. The host
/// keeps one explicit list of these (no discovery); scripts and tests read the solution and check they agree.
/// </summary>
public sealed record HostModule(
    string Name,
    Func<IServiceCollection, IConfiguration, IServiceCollection> AddServices,
    Func<IEndpointRouteBuilder, IEndpointRouteBuilder> MapEndpoints,
    Assembly Assembly);

/// <summary>The module assemblies whose pages the host's router serves (from the host's one module list).</summary>
public sealed record ModulePages(IReadOnlyList<Assembly> Assemblies);
