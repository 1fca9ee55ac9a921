using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using RuralCommerce.Shared.Infrastructure.Observability;

namespace RuralCommerce.Host;

/// <summary>
/// Traces (HTTP server, EF Core, one span per outbox delivery in the publishing request's trace), metrics (ASP.NET
/// Core's by route and the platform's own) for Prometheus at <c>/metrics</c> and, when <c>Telemetry:OtlpEndpoint</c>
/// is set, both over OTLP; logs as one JSON line per event outside Development, each with its trace id.
/// </summary>
internal static class HostTelemetry
{
    public static WebApplicationBuilder AddHostTelemetry(this WebApplicationBuilder builder)
    {
        var otlpEndpoint = builder.Configuration["Telemetry:OtlpEndpoint"] is { Length: > 0 } endpoint ? new Uri(endpoint) : null;
        builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService("RuralCommerce"))
            .WithTracing(tracing =>
            {
                tracing.AddSource(Telemetry.Family)
                    .AddAspNetCoreInstrumentation(options => options.Filter = context => !IsOperatorPath(context.Request.Path))
                    .AddEntityFrameworkCoreInstrumentation();
                if (otlpEndpoint is not null)
                {
                    tracing.AddOtlpExporter(options => options.Endpoint = otlpEndpoint);
                }
            })
            .WithMetrics(metrics =>
            {
                metrics.AddMeter(Telemetry.Family)
                    .AddAspNetCoreInstrumentation()
                    .AddPrometheusExporter();
                if (otlpEndpoint is not null)
                {
                    metrics.AddOtlpExporter(options => options.Endpoint = otlpEndpoint);
                }
            });

        builder.Logging.Configure(options =>
            options.ActivityTrackingOptions = ActivityTrackingOptions.TraceId | ActivityTrackingOptions.SpanId);
        if (!builder.Environment.IsDevelopment())
        {
            builder.Logging.ClearProviders();
            builder.Logging.AddJsonConsole(options =>
            {
                options.IncludeScopes = true;
                options.UseUtcTimestamp = true;
                options.TimestampFormat = "yyyy-MM-dd'T'HH:mm:ss.fff'Z'";
            });
        }

        return builder;
    }

    public static WebApplication MapMetrics(this WebApplication app)
    {
        app.MapPrometheusScrapingEndpoint(MetricsOptions.Path).AllowAnonymous().ExcludeFromDescription();
        return app;
    }

    private static bool IsOperatorPath(PathString path) =>
        path.StartsWithSegments(MetricsOptions.Path, StringComparison.OrdinalIgnoreCase)
        || path.StartsWithSegments("/health", StringComparison.OrdinalIgnoreCase);
}
