using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using RuralCommerce.Shared.Infrastructure.Outbox;
using RuralCommerce.Shared.Infrastructure.Persistence;
using RuralCommerce.Shared.Infrastructure.Web;
using RuralCommerce.Training.Persistence;

namespace RuralCommerce.Training;

public static class TrainingModule
{
    public const string Name = "Training";

    public static IServiceCollection AddTrainingModule(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddModuleDatabase<TrainingDbContext, SqliteTrainingDbContext, SqlServerTrainingDbContext>(Name, TrainingDbContext.SchemaName);
        services.AddIntegrationEventHandlersFrom(typeof(TrainingModule).Assembly);
        return services;
    }

    public static IEndpointRouteBuilder MapTrainingModule(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/training").WithTags(Name);
        group.MapModuleHealth(Name);
        return endpoints;
    }
}
