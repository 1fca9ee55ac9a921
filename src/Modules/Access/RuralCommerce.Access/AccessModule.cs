using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using RuralCommerce.Access.Persistence;
using RuralCommerce.Shared.Infrastructure.Outbox;
using RuralCommerce.Shared.Infrastructure.Persistence;
using RuralCommerce.Shared.Infrastructure.Web;

namespace RuralCommerce.Access;

public static class AccessModule
{
    public const string Name = "Access";

    public static IServiceCollection AddAccessModule(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddModuleDatabase<AccessDbContext, SqliteAccessDbContext, SqlServerAccessDbContext>(Name, AccessDbContext.SchemaName);
        services.AddIntegrationEventHandlersFrom(typeof(AccessModule).Assembly);
        return services;
    }

    public static IEndpointRouteBuilder MapAccessModule(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/access").WithTags(Name);
        group.MapModuleHealth(Name);
        return endpoints;
    }
}
