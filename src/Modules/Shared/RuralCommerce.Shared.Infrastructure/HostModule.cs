using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace RuralCommerce.Shared.Infrastructure;

/// <summary>
/// A module as the host sees it: its name, how it registers its services and how it maps its endpoints. The host
/// keeps one explicit list of these (no discovery); scripts and tests read the solution and check they agree.
/// </summary>
public sealed record HostModule(
    string Name,
    Func<IServiceCollection, IConfiguration, IServiceCollection> AddServices,
    Func<IEndpointRouteBuilder, IEndpointRouteBuilder> MapEndpoints);
