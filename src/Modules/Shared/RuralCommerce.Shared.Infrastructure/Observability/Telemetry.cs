using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace RuralCommerce.Shared.Infrastructure.Observability;

/// <summary>
/// The platform's own traces and metrics. Instruments are static, as .NET's own are: one series per process, which the
/// host's OpenTelemetry set-up exports (every meter and source named <c>RuralCommerce.*</c>). Modules that count their
/// own work (orders placed, sign-in failures) declare a meter of the same family next to that work.
/// </summary>
public static class Telemetry
{
    public const string Family = "RuralCommerce.*";

    /// <summary>One span per outbox delivery, a child of the request that published the event.</summary>
    public static readonly ActivitySource Outbox = new("RuralCommerce.Outbox");

    private static readonly Meter Messaging = new("RuralCommerce.Messaging");

    internal static readonly Counter<long> OutboxDelivered = Messaging.CreateCounter<long>(
        "ruralcommerce.outbox.delivered", "{message}", "Outbox messages delivered to every handler");

    internal static readonly Counter<long> OutboxParked = Messaging.CreateCounter<long>(
        "ruralcommerce.outbox.parked", "{message}", "Outbox messages parked after their last attempt");

    internal static readonly Histogram<double> InboxHandling = Messaging.CreateHistogram(
        "ruralcommerce.inbox.handling.duration", "s", "Time one integration event handler took, its inbox row included",
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5] });

    internal static readonly Histogram<double> WriteGateWait = Messaging.CreateHistogram(
        "ruralcommerce.sqlite.write_gate.wait", "s", "Time a SQLite writer queued in the process for its file's one write lock",
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.0005, 0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 5, 10] });

    internal static readonly Counter<long> IdempotentReplays = Messaging.CreateCounter<long>(
        "ruralcommerce.idempotency.replays", "{request}", "Retried requests answered with the first answer of their Idempotency-Key");

    // Normally one host per process; tests start several at once, and one stopping must not silence the others.
    private static readonly Lock MonitorsGate = new();
    private static readonly List<OutboxMonitor> OutboxMonitors = [];
    private static int _ready = -1;

    static Telemetry()
    {
        Messaging.CreateObservableGauge("ruralcommerce.outbox.pending", () => Observe(s => s.Pending), "{message}", "Outbox messages not yet delivered");
        Messaging.CreateObservableGauge("ruralcommerce.outbox.parked.current", () => Observe(s => s.Parked), "{message}", "Outbox messages parked now");
        Messaging.CreateObservableGauge(
            "ruralcommerce.outbox.oldest_pending.age", () => Observe(s => s.OldestPendingAge.TotalSeconds), "s",
            "Age of the oldest undelivered outbox message (0 when none)");
        Messaging.CreateObservableGauge(
            "ruralcommerce.health.ready",
            () => Volatile.Read(ref _ready) is var ready and >= 0 ? [new Measurement<int>(ready)] : Array.Empty<Measurement<int>>(),
            description: "1 while the readiness checks pass (Degraded counts as ready), 0 when one fails");
    }

    internal static void ReportReadiness(bool ready) => Volatile.Write(ref _ready, ready ? 1 : 0);

    /// <summary>The host whose outboxes the gauges report: the latest started that still runs.</summary>
    internal static void ReportOutboxesOf(OutboxMonitor monitor)
    {
        lock (MonitorsGate)
        {
            OutboxMonitors.Add(monitor);
        }
    }

    internal static void StopReporting(OutboxMonitor monitor)
    {
        lock (MonitorsGate)
        {
            OutboxMonitors.Remove(monitor);
        }
    }

    private static IEnumerable<Measurement<T>> Observe<T>(Func<OutboxSample, T> value)
        where T : struct
    {
        OutboxMonitor? monitor;
        lock (MonitorsGate)
        {
            monitor = OutboxMonitors.Count > 0 ? OutboxMonitors[^1] : null;
        }

        return monitor?.Sample().Select(s => new Measurement<T>(value(s), new KeyValuePair<string, object?>("module", s.Module))) ?? [];
    }
}
