using System.Globalization;
using System.Threading.RateLimiting;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using RuralCommerce.Shared.Infrastructure.Files;
using RuralCommerce.Shared.Infrastructure.Messaging;
using RuralCommerce.Shared.Infrastructure.Observability;
using RuralCommerce.Shared.Infrastructure.Operations;
using RuralCommerce.Shared.Infrastructure.Outbox;
using RuralCommerce.Shared.Infrastructure.Persistence;
using RuralCommerce.Shared.Infrastructure.Web;

namespace RuralCommerce.Shared.Infrastructure;

public static class SharedInfrastructureRegistration
{
    /// <summary>What every module relies on: clock, database settings, mediator, outbox dispatcher, error mapping.</summary>
    public static IServiceCollection AddSharedInfrastructure(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<DatabaseOptions>().Bind(configuration.GetSection(DatabaseOptions.SectionName));
        services.AddOptions<OutboxOptions>().Bind(configuration.GetSection(OutboxOptions.SectionName));

        services.AddScoped<ServiceFactory>(provider => provider.GetRequiredService);
        services.AddScoped<IMediator, SequentialMediator>();

        services.AddSingleton<OutboxSignal>();
        services.AddSingleton<OutboxCommitSignaler>();
        services.AddSingleton<OutboxDispatcher>();
        services.AddSingleton<MessageRetention>();
        // Not AddHostedService: it de-duplicates by the factory's return type, and both of these return a BackgroundService.
        services.AddSingleton<IHostedService>(provider => WhenDispatching<OutboxDispatcher>(provider));
        services.AddSingleton<IHostedService>(provider => WhenDispatching<MessageRetention>(provider));
        services.AddOptions<BackupOptions>().Bind(configuration.GetSection(BackupOptions.SectionName));
        services.AddSingleton<DataBackup>();
        services.AddSingleton<ConfigurationCheck>();
        services.AddSingleton<ScheduledBackups>();
        services.AddSingleton<IHostedService>(provider =>
            provider.GetRequiredService<IOptions<BackupOptions>>().Value.Enabled
            && provider.GetRequiredService<IOptions<DatabaseOptions>>().Value.Provider == DatabaseProvider.Sqlite
                ? provider.GetRequiredService<ScheduledBackups>()
                : new IdleHostedService());
        services.AddOptions<ReverseProxyOptions>().Bind(configuration.GetSection(ReverseProxyOptions.SectionName));
        services.AddOptions<MetricsOptions>().Bind(configuration.GetSection(MetricsOptions.SectionName));
        services.AddSingleton<OutboxMonitor>();
        services.AddSingleton<IHealthCheckPublisher, ReadinessMetrics>();
        services.Configure<HealthCheckPublisherOptions>(options =>
        {
            options.Delay = TimeSpan.FromSeconds(5);
            options.Period = TimeSpan.FromSeconds(15);
            options.Predicate = check => check.Tags.Contains(HealthTags.Ready);
        });
        services.AddSingleton<IHostedService>(provider => provider.GetRequiredService<OutboxMonitor>());
        services.AddSingleton<SqliteStatistics>();
        services.AddSingleton<IHostedService>(provider => provider.GetRequiredService<SqliteStatistics>());

        services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
            context.ProblemDetails.Extensions.TryAdd("traceId", context.HttpContext.TraceIdentifier));
        services.AddExceptionHandler<ApiExceptionHandler>();
        services.AddSms(configuration);
        services.AddFileStore();
        services.AddOptions<PhotoOptions>().Bind(configuration.GetSection(PhotoOptions.SectionName));
        services.AddSingleton<PhotoDecoder>();

        // Modules add their own policies; a rejection is a 429 problem document (written by the status-code pages).
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = (context, _) =>
            {
                if (context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
                {
                    context.HttpContext.Response.Headers.RetryAfter =
                        ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                }

                return ValueTask.CompletedTask;
            };
        });
        services.AddOptions<RequestBodyLimitOptions>().Bind(configuration.GetSection(RequestBodyLimitOptions.SectionName));
        return services;
    }

    private static IHostedService WhenDispatching<TService>(IServiceProvider provider)
        where TService : IHostedService =>
        provider.GetRequiredService<IOptions<OutboxOptions>>().Value.DispatcherEnabled
            ? provider.GetRequiredService<TService>()
            : new IdleHostedService();

    private sealed class IdleHostedService : BackgroundService
    {
        protected override Task ExecuteAsync(CancellationToken stoppingToken) => Task.CompletedTask;
    }
}
