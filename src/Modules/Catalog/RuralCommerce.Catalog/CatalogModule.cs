using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using RuralCommerce.Catalog.Persistence;
using RuralCommerce.Shared.Infrastructure.Outbox;
using RuralCommerce.Shared.Infrastructure.Persistence;
using RuralCommerce.Shared.Infrastructure.Web;

namespace RuralCommerce.Catalog;

public static class CatalogModule
{
    public const string Name = "Catalog";

    public static IServiceCollection AddCatalogModule(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddModuleDatabase<CatalogDbContext, SqliteCatalogDbContext, SqlServerCatalogDbContext>(Name, CatalogDbContext.SchemaName);
        services.AddIntegrationEventHandlersFrom(typeof(CatalogModule).Assembly);
        return services;
    }

    public static IEndpointRouteBuilder MapCatalogModule(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/catalog").WithTags(Name);
        group.MapModuleHealth(Name);
        return endpoints;
    }
}
