using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using RuralCommerce.Shared.Infrastructure.Persistence;

namespace RuralCommerce.Shared.Infrastructure.Web;

public static class HealthTags
{
    public const string Ready = "ready";

    public static string Module(string module) => $"module:{module.ToLowerInvariant()}";
}

/// <summary>A health answer: the overall status (Healthy, Degraded, Unhealthy) and each check's.</summary>
public sealed record HealthResponse(string Status, IReadOnlyList<HealthCheckResponse> Checks);

public sealed record HealthCheckResponse(string Name, string Status, string? Description, IReadOnlyDictionary<string, object> Data);

public static class HealthEndpoints
{
    /// <summary><c>/health/live</c>: the process answers. <c>/health/ready</c>: every module's database and outbox.</summary>
    public static IEndpointRouteBuilder MapHostHealth(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false, ResponseWriter = WriteAsync })
            .AllowAnonymous().ExcludeFromDescription();
        endpoints.MapHealthChecks("/health/ready", ReadyOptions(HealthTags.Ready))
            .AllowAnonymous().ExcludeFromDescription();
        return endpoints;
    }

    /// <summary>A module's own readiness: <c>GET /api/{module}/health</c>.</summary>
    public static RouteHandlerBuilder MapModuleHealth(this IEndpointRouteBuilder group, string module)
    {
        var tag = HealthTags.Module(module);
        return group.MapGet("/health", async (HealthCheckService health, HttpContext context) =>
            {
                var report = await health.CheckHealthAsync(r => r.Tags.Contains(tag), context.RequestAborted);
                context.Response.StatusCode = report.Status == HealthStatus.Unhealthy
                    ? StatusCodes.Status503ServiceUnavailable
                    : StatusCodes.Status200OK;
                await WriteAsync(context, report);
            })
            .AllowAnonymous()
            .WithName($"{module}Health")
            .WithSummary($"Readiness of the {module} module: its database and its outbox.")
            .WithDescription("Anonymous. 200 while the module can serve (Degraded, still 200, while it has parked messages); 503 when its database is unreachable.")
            .Produces<HealthResponse>(StatusCodes.Status200OK)
            .Produces<HealthResponse>(StatusCodes.Status503ServiceUnavailable);
    }

    private static HealthCheckOptions ReadyOptions(string tag) => new()
    {
        Predicate = r => r.Tags.Contains(tag),
        ResponseWriter = WriteAsync,
    };

    private static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync(JsonSerializer.Serialize(
            new HealthResponse(
                report.Status.ToString(),
                report.Entries.OrderBy(e => e.Key, StringComparer.Ordinal)
                    .Select(e => new HealthCheckResponse(e.Key, e.Value.Status.ToString(), e.Value.Description, e.Value.Data))
                    .ToList()),
            JsonSerializerOptions.Web));
    }
}

internal sealed class ModuleDatabaseHealthCheck(IServiceProvider services, ModuleDatabase database) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        await using var scope = services.CreateAsyncScope();
        var db = (DbContext)scope.ServiceProvider.GetRequiredService(database.ContextType);
        return await db.Database.CanConnectAsync(cancellationToken)
            ? HealthCheckResult.Healthy($"{database.Module} database reachable.")
            : HealthCheckResult.Unhealthy($"{database.Module} database unreachable.");
    }
}
