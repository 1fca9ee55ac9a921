using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace RuralCommerce.Shared.Infrastructure.Observability;

/// <summary>
/// Runs the readiness checks in the background (every 15 s) and keeps their result for the
/// <c>ruralcommerce.health.ready</c> gauge, so an alert can fire on a failing readiness check.
/// </summary>
internal sealed class ReadinessMetrics : IHealthCheckPublisher
{
    public Task PublishAsync(HealthReport report, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(report);
        Telemetry.ReportReadiness(report.Status != HealthStatus.Unhealthy);
        return Task.CompletedTask;
    }
}
