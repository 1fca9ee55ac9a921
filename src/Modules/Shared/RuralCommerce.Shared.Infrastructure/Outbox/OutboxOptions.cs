namespace RuralCommerce.Shared.Infrastructure.Outbox;

/// <summary>The <c>Outbox</c> configuration section.</summary>
public sealed class OutboxOptions
{
    public const string SectionName = "Outbox";

    /// <summary>Runs the dispatcher in this host. Turn off on instances that should only serve HTTP.</summary>
    public bool DispatcherEnabled { get; set; } = true;

    /// <summary>Deliveries of one message before it is parked (each retried with exponential backoff).</summary>
    public int MaxAttempts { get; set; } = 5;

    /// <summary>First retry delay; doubles on every further attempt, with jitter.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>Messages claimed per module in one round.</summary>
    public int BatchSize { get; set; } = 50;

    /// <summary>
    /// The lease a claim holds on a message: renewed every third of it while the dispatcher works, so a host that
    /// dies mid-round hands its messages to another within this time.
    /// </summary>
    public TimeSpan ClaimDuration { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>
    /// When nothing wakes it, the dispatcher still looks this often: for rows committed by another host instance
    /// and for claims left by a crashed one. Commits in this host wake it at once.
    /// </summary>
    public TimeSpan IdlePollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Delivered outbox messages and their inbox rows are kept this long (for tracing), then deleted.</summary>
    public TimeSpan RetainDeliveredFor { get; set; } = TimeSpan.FromDays(7);

    /// <summary>How long a retry may reuse an <c>Idempotency-Key</c> and get the first answer back.</summary>
    public TimeSpan IdempotencyKeyLifetime { get; set; } = TimeSpan.FromHours(24);

    /// <summary>How often the retention job runs.</summary>
    public TimeSpan RetentionInterval { get; set; } = TimeSpan.FromHours(1);
}
