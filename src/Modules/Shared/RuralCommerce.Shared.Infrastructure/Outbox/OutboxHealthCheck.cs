using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using RuralCommerce.Shared.Infrastructure.Persistence;

namespace RuralCommerce.Shared.Infrastructure.Outbox;

/// <summary>Reports a module's outbox backlog and parked messages; parked messages make the host Degraded.</summary>
internal sealed class OutboxHealthCheck(IServiceProvider services, ModuleDatabase database) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        await using var scope = services.CreateAsyncScope();
        var outbox = ((ModuleDbContext)scope.ServiceProvider.GetRequiredService(database.ContextType)).OutboxMessages;
        var backlog = await outbox.CountAsync(m => m.ProcessedAt == null && m.ParkedAt == null, cancellationToken);
        var parked = await outbox.CountAsync(m => m.ParkedAt != null, cancellationToken);
        var data = new Dictionary<string, object> { ["backlog"] = backlog, ["parked"] = parked };
        return parked > 0
            ? HealthCheckResult.Degraded($"{parked} parked message(s) wait for an operator.", data: data)
            : HealthCheckResult.Healthy($"{backlog} message(s) waiting for dispatch.", data);
    }
}
