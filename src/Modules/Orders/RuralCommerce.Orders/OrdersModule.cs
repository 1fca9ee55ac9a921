using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using RuralCommerce.Orders.Features.CancelOrder;
using RuralCommerce.Orders.Features.GetOrder;
using RuralCommerce.Orders.Features.PlaceOrder;
using RuralCommerce.Orders.Persistence;
using RuralCommerce.Shared.Infrastructure.Outbox;
using RuralCommerce.Shared.Infrastructure.Persistence;
using RuralCommerce.Shared.Infrastructure.Web;

namespace RuralCommerce.Orders;

public static class OrdersModule
{
    public const string Name = "Orders";

    public static IServiceCollection AddOrdersModule(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddModuleDatabase<OrdersDbContext, SqliteOrdersDbContext, SqlServerOrdersDbContext>(Name, OrdersDbContext.SchemaName);
        services.AddIntegrationEventHandlersFrom(typeof(OrdersModule).Assembly);
        return services;
    }

    public static IEndpointRouteBuilder MapOrdersModule(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup(OrdersApiPaths.Root).WithTags(Name);
        group.MapModuleHealth(Name);
        group.MapPlaceOrder();
        group.MapGetOrder();
        group.MapCancelOrder();
        return endpoints;
    }
}
