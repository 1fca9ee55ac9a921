using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using RuralCommerce.Cooperatives.Persistence;
using RuralCommerce.Shared.Infrastructure.Outbox;
using RuralCommerce.Shared.Infrastructure.Persistence;
using RuralCommerce.Shared.Infrastructure.Web;

namespace RuralCommerce.Cooperatives;

public static class CooperativesModule
{
    public const string Name = "Cooperatives";

    public static IServiceCollection AddCooperativesModule(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddModuleDatabase<CooperativesDbContext, SqliteCooperativesDbContext, SqlServerCooperativesDbContext>(Name, CooperativesDbContext.SchemaName);
        services.AddIntegrationEventHandlersFrom(typeof(CooperativesModule).Assembly);
        return services;
    }

    public static IEndpointRouteBuilder MapCooperativesModule(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/cooperatives").WithTags(Name);
        group.MapModuleHealth(Name);
        return endpoints;
    }
}
