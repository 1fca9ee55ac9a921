using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using RuralCommerce.Orders.Features.AddressBook;
using RuralCommerce.Orders.Features.AskForRefund;
using RuralCommerce.Orders.Features.CancelOrder;
using RuralCommerce.Orders.Features.Cart;
using RuralCommerce.Orders.Features.CentreQueue;
using RuralCommerce.Orders.Features.Common;
using RuralCommerce.Orders.Features.ConfirmReceipt;
using RuralCommerce.Orders.Features.CooperativeOrders;
using RuralCommerce.Orders.Features.GetOrder;
using RuralCommerce.Orders.Features.Housekeeping;
using RuralCommerce.Orders.Features.ImportPlatformOrders;
using RuralCommerce.Orders.Features.LiveTally;
using RuralCommerce.Orders.Features.LogisticsCentres;
using RuralCommerce.Orders.Features.Payments;
using RuralCommerce.Orders.Features.PaymentSettings;
using RuralCommerce.Orders.Features.PlaceOrder;
using RuralCommerce.Orders.Features.RefundDecisions;
using RuralCommerce.Orders.Features.SellerShipments;
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
        services.AddOptions<OrdersOptions>().Bind(configuration.GetSection(OrdersOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<OrdersOptions>, PaymentSettingsValidation>();
        // The development gateway records a payment nobody made: it exists in Development only, and outside it the
        // host offers only what it can really collect (a method without a provider stops it at start-up).
        services.AddSingleton(provider => provider.GetRequiredService<IHostEnvironment>().IsDevelopment()
            ? new DevelopmentPaymentGateway(DevelopmentPaymentGateway.LoadSecret(
                provider.GetRequiredService<IOptions<OrdersOptions>>().Value.PaymentCallbackSecret,
                provider.GetRequiredService<IOptions<DatabaseOptions>>().Value.ResolveDataDirectory(provider.GetRequiredService<IHostEnvironment>().ContentRootPath)))
            : throw new InvalidOperationException("The development payment gateway exists in Development only."));
        services.AddSingleton(provider => OfferedPaymentMethods.Create(
            provider.GetRequiredService<IOptions<OrdersOptions>>().Value.PaymentMethods,
            provider.GetRequiredService<IHostEnvironment>().IsDevelopment() ? provider.GetRequiredService<DevelopmentPaymentGateway>() : null));
        services.AddRateLimiter(options => options.AddPolicy(OrdersRateLimits.Placement, context =>
            RateLimitPartition.GetConcurrencyLimiter(OrdersRateLimits.Placement, _ =>
            {
                var orders = context.RequestServices.GetRequiredService<IOptions<OrdersOptions>>().Value;
                return new ConcurrencyLimiterOptions
                {
                    PermitLimit = orders.PlacementsAtOnce,
                    QueueLimit = Math.Max(0, orders.PlacementQueue),
                    QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
                };
            })));
        services.AddSingleton<OrderHousekeeping>();
        services.AddHostedService(provider => provider.GetRequiredService<OrderHousekeeping>());
        return services;
    }

    public static IEndpointRouteBuilder MapOrdersModule(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup(OrdersApiPaths.Root).WithTags(Name);
        group.MapModuleHealth(Name);
        group.MapPlaceOrder();
        group.MapGetOrder();
        group.MapCancelOrder();
        group.MapPayOrder();
        if (endpoints.ServiceProvider.GetRequiredService<IHostEnvironment>().IsDevelopment())
        {
            group.MapPaymentCallback();
        }
        else
        {
            // The development gateway records a payment nobody made: outside Development its pay page and its callback
            // answer 404 to every method (ahead of the page's own route), so not even the page's form can be posted.
            endpoints.Map("/pay/dev/{orderId:guid}", () => Results.NotFound()).WithOrder(-1).ExcludeFromDescription().AllowAnonymous();
            group.Map(OrdersApiPaths.PaymentCallback, () => Results.NotFound()).ExcludeFromDescription().AllowAnonymous();
        }

        group.MapCart();
        group.MapAddressBook();
        group.MapListCooperativeOrders();
        group.MapConfirmReceipt();
        group.MapSellerShipments();
        group.MapLogisticsCentres();
        group.MapPaymentSettings();
        group.MapCentreQueue();
        group.MapAskForRefund();
        group.MapRefundDecisions();
        group.MapImportPlatformOrders();
        group.MapLiveTally();
        endpoints.MapLiveTallyPageEvents();
        return endpoints;
    }

    private sealed class PaymentSettingsValidation(IHostEnvironment environment) : IValidateOptions<OrdersOptions>
    {
        public ValidateOptionsResult Validate(string? name, OrdersOptions options)
        {
            List<string> problems = [.. options.WeChatPay.Problems(), .. options.Alipay.Problems()];
            if (OfferedPaymentMethods.Problem(options.PaymentMethods, hasGateway: environment.IsDevelopment()) is { } problem)
            {
                problems.Insert(0, problem);
            }

            return problems.Count > 0 ? ValidateOptionsResult.Fail(problems) : ValidateOptionsResult.Success;
        }
    }
}
