using System.Diagnostics;
using System.Linq.Expressions;
using System.Text.Json;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Retry;
using RuralCommerce.Shared.Infrastructure.Observability;
using RuralCommerce.Shared.Infrastructure.Persistence;

namespace RuralCommerce.Shared.Infrastructure.Outbox;

/// <summary>
/// Drains every module's outbox and publishes through the mediator. Rows are claimed with a conditional update
/// before delivery, so several host instances sharing one database never deliver the same message at once.
/// </summary>
public sealed partial class OutboxDispatcher : BackgroundService
{
    private const int MaxErrorLength = 4000;
    private readonly IServiceScopeFactory _scopes;
    private readonly IReadOnlyList<ModuleDatabase> _databases;
    private readonly OutboxSignal _signal;
    private readonly OutboxOptions _options;
    private readonly TimeProvider _clock;
    private readonly ILogger<OutboxDispatcher> _logger;
    private readonly ResiliencePipeline _retry;

    public OutboxDispatcher(
        IServiceScopeFactory scopes,
        IEnumerable<ModuleDatabase> databases,
        OutboxSignal signal,
        IOptions<OutboxOptions> options,
        TimeProvider clock,
        ILogger<OutboxDispatcher> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _scopes = scopes;
        _databases = databases.ToList();
        _signal = signal;
        _options = options.Value;
        _clock = clock;
        _logger = logger;
        _retry = new ResiliencePipelineBuilder()
            .AddRetry(new RetryStrategyOptions
            {
                MaxRetryAttempts = Math.Max(0, _options.MaxAttempts - 1),
                BackoffType = DelayBackoffType.Exponential,
                Delay = _options.RetryBaseDelay,
                UseJitter = true,
                ShouldHandle = new PredicateBuilder().Handle<Exception>(e => e is not OperationCanceledException),
                OnRetry = args =>
                {
                    LogRetry(args.AttemptNumber + 1, args.RetryDelay, args.Outcome.Exception);
                    return ValueTask.CompletedTask;
                },
            })
            .Build();
    }

    /// <summary>
    /// One round: claims a batch from every module and delivers it in order of occurrence. The claims are a short
    /// lease, renewed while the round works, so a host that dies mid-round hands its messages on within seconds.
    /// </summary>
    /// <returns>How many messages were claimed (processed or parked).</returns>
    public async Task<int> DispatchPendingAsync(CancellationToken cancellationToken)
    {
        var claimToken = Guid.NewGuid();
        var claimed = new List<(ModuleDatabase Database, OutboxMessage Message)>();
        foreach (var database in _databases)
        {
            var messages = await ClaimAsync(database, claimToken, cancellationToken);
            claimed.AddRange(messages.Select(message => (database, message)));
        }

        if (claimed.Count == 0)
        {
            return 0;
        }

        using var roundOver = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var renewing = RenewClaimsAsync(claimed.Select(c => c.Database).Distinct().ToList(), claimToken, roundOver.Token);
        try
        {
            var delivered = new List<(ModuleDatabase Database, Guid MessageId)>();
            var heldBack = new List<(ModuleDatabase Database, Guid MessageId)>();
            var parkedPartitions = new HashSet<(ModuleDatabase, string)>();
            foreach (var (database, message) in claimed.OrderBy(c => c.Message.OccurredAt).ThenBy(c => c.Message.Id))
            {
                if (message.PartitionKey is { } partition && parkedPartitions.Contains((database, partition)))
                {
                    heldBack.Add((database, message.Id));
                }
                else if (await DeliverAsync(database, message, claimToken, cancellationToken))
                {
                    delivered.Add((database, message.Id));
                }
                else if (message.PartitionKey is { } parkedPartition)
                {
                    parkedPartitions.Add((database, parkedPartition));
                }
            }

            await MarkProcessedAsync(delivered, claimToken, cancellationToken);
            await ReleaseAsync(heldBack, claimToken, cancellationToken);
        }
        finally
        {
            await roundOver.CancelAsync();
            await renewing;
        }

        return claimed.Count;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var claimed = 0;
            try
            {
                claimed = await DispatchPendingAsync(stoppingToken);
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
            {
                // A database that is briefly unreachable must not stop the dispatcher for good.
                LogRoundFailed(exception);
            }

            if (claimed == 0)
            {
                await _signal.WaitAsync(_options.IdlePollInterval, stoppingToken);
            }
        }
    }

    /// <summary>
    /// Undelivered, not parked, not claimed by a live lease, and nothing earlier of its partition is parked or claimed
    /// by another live lease. A round takes the oldest claimable messages, so it takes each partition's undelivered
    /// messages as a prefix and delivers them in order: a burst of one hot product's events goes out in rounds of a
    /// whole batch, not one message per round.
    /// </summary>
    private static Expression<Func<OutboxMessage, bool>> Claimable(IQueryable<OutboxMessage> outbox, DateTimeOffset now, Guid claimToken) =>
        m => m.ProcessedAt == null && m.ParkedAt == null && (m.ClaimExpiresAt == null || m.ClaimExpiresAt < now)
             && (m.PartitionKey == null
                 || !outbox.Any(earlier => earlier.PartitionKey == m.PartitionKey && earlier.ProcessedAt == null && earlier.OccurredAt < m.OccurredAt
                                           && (earlier.ParkedAt != null || (earlier.ClaimToken != claimToken && earlier.ClaimExpiresAt >= now))));

    private async Task<List<OutboxMessage>> ClaimAsync(ModuleDatabase database, Guid claimToken, CancellationToken cancellationToken)
    {
        await using var scope = _scopes.CreateAsyncScope();
        var context = Resolve(scope, database);
        var now = _clock.GetUtcNow();
        var candidates = await context.OutboxMessages
            .Where(Claimable(context.OutboxMessages, now, claimToken))
            .OrderBy(m => m.OccurredAt).ThenBy(m => m.Id)
            .Select(m => m.Id)
            .Take(_options.BatchSize)
            .ToListAsync(cancellationToken);
        if (candidates.Count == 0)
        {
            return [];
        }

        // The claimable condition is evaluated again by the UPDATE itself: of two dispatchers racing for a row,
        // only the first one's update matches it.
        var claimExpiresAt = now + _options.ClaimDuration;
        await context.OutboxMessages
            .Where(m => candidates.Contains(m.Id))
            .Where(Claimable(context.OutboxMessages, now, claimToken))
            .ExecuteUpdateAsync(
                s => s.SetProperty(m => m.ClaimToken, claimToken)
                    .SetProperty(m => m.ClaimExpiresAt, claimExpiresAt)
                    .SetProperty(m => m.Deliveries, m => m.Deliveries + 1),
                cancellationToken);
        return await context.OutboxMessages.AsNoTracking()
            .Where(m => m.ClaimToken == claimToken)
            .ToListAsync(cancellationToken);
    }

    /// <summary>Extends this round's leases every third of a lease until the round is over.</summary>
    private async Task RenewClaimsAsync(IReadOnlyList<ModuleDatabase> databases, Guid claimToken, CancellationToken roundOver)
    {
        var every = _options.ClaimDuration / 3;
        while (!roundOver.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(every, _clock, roundOver);
                foreach (var database in databases)
                {
                    await using var scope = _scopes.CreateAsyncScope();
                    var expiresAt = _clock.GetUtcNow() + _options.ClaimDuration;
                    await Resolve(scope, database).OutboxMessages
                        .Where(m => m.ClaimToken == claimToken && m.ProcessedAt == null && m.ParkedAt == null)
                        .ExecuteUpdateAsync(s => s.SetProperty(m => m.ClaimExpiresAt, expiresAt), roundOver);
                }
            }
            catch (OperationCanceledException) when (roundOver.IsCancellationRequested)
            {
                // The round is over.
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // Try again at the next third; at worst another host takes over the lease and the inbox absorbs the duplicate.
                LogRenewalFailed(exception);
            }
        }
    }

    /// <summary>
    /// Marks a round's delivered messages processed with one update per database: on SQLite every write queues for
    /// the file's one writer, behind a burst's orders, so one write per round instead of one per message keeps the
    /// outbox from falling behind. A host that stops before this leaves them claimed; they are delivered again when
    /// the lease runs out, and the inboxes drop the repeats.
    /// </summary>
    private async Task MarkProcessedAsync(List<(ModuleDatabase Database, Guid MessageId)> delivered, Guid claimToken, CancellationToken cancellationToken)
    {
        foreach (var group in delivered.GroupBy(d => d.Database))
        {
            var ids = group.Select(d => d.MessageId).ToList();
            await using var scope = _scopes.CreateAsyncScope();
            var now = _clock.GetUtcNow();
            await Resolve(scope, group.Key).OutboxMessages
                .Where(m => ids.Contains(m.Id) && m.ClaimToken == claimToken)
                .ExecuteUpdateAsync(
                    s => s.SetProperty(m => m.ProcessedAt, now)
                        .SetProperty(m => m.ClaimToken, (Guid?)null)
                        .SetProperty(m => m.ClaimExpiresAt, (DateTimeOffset?)null),
                    cancellationToken);
        }
    }

    /// <summary>Gives back the claims on messages held behind a message parked in this round; they were never attempted.</summary>
    private async Task ReleaseAsync(List<(ModuleDatabase Database, Guid MessageId)> heldBack, Guid claimToken, CancellationToken cancellationToken)
    {
        foreach (var group in heldBack.GroupBy(d => d.Database))
        {
            var ids = group.Select(d => d.MessageId).ToList();
            await using var scope = _scopes.CreateAsyncScope();
            await Resolve(scope, group.Key).OutboxMessages
                .Where(m => ids.Contains(m.Id) && m.ClaimToken == claimToken)
                .ExecuteUpdateAsync(
                    s => s.SetProperty(m => m.ClaimToken, (Guid?)null)
                        .SetProperty(m => m.ClaimExpiresAt, (DateTimeOffset?)null)
                        .SetProperty(m => m.Deliveries, m => m.Deliveries - 1),
                    cancellationToken);
        }
    }

    /// <summary>Publishes one message; parks it when it keeps failing. True when it was delivered.</summary>
    private async Task<bool> DeliverAsync(ModuleDatabase database, OutboxMessage message, Guid claimToken, CancellationToken cancellationToken)
    {
        using var span = StartDeliverySpan(database, message);
        var failure = message.Deliveries > _options.MaxAttempts
            ? new InvalidOperationException(
                $"Claimed {message.Deliveries} times without completing: a host may have stopped while delivering it.")
            : await PublishAsync(message, cancellationToken);

        var eventType = ShortTypeName(message.Type);
        if (failure is null)
        {
            Telemetry.OutboxDelivered.Add(1, new("module", database.Module), new("event", eventType));
            return true;
        }

        Telemetry.OutboxParked.Add(1, new("module", database.Module), new("event", eventType));
        span?.SetStatus(ActivityStatusCode.Error, failure.Message);

        await using var scope = _scopes.CreateAsyncScope();
        var now = _clock.GetUtcNow();
        var ours = Resolve(scope, database).OutboxMessages
            .Where(m => m.Id == message.Id && m.ClaimToken == claimToken);

        LogParked(message.Id, message.Type, database.Module, failure);
        var error = Describe(failure);
        await ours.ExecuteUpdateAsync(
            s => s.SetProperty(m => m.ParkedAt, now)
                .SetProperty(m => m.LastError, error)
                .SetProperty(m => m.ClaimToken, (Guid?)null)
                .SetProperty(m => m.ClaimExpiresAt, (DateTimeOffset?)null),
            cancellationToken);
        return false;
    }

    private async Task<Exception?> PublishAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        try
        {
            var integrationEvent = message.Deserialize();
            await _retry.ExecuteAsync(
                async token =>
                {
                    await using var scope = _scopes.CreateAsyncScope();
                    await scope.ServiceProvider.GetRequiredService<IMediator>().Publish(integrationEvent, token);
                },
                cancellationToken);
            return null;
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return exception;
        }
    }

    /// <summary>A span in the publishing request's trace (the event carries its context), so its handlers' work joins it.</summary>
    private static Activity? StartDeliverySpan(ModuleDatabase database, OutboxMessage message)
    {
        if (!Telemetry.Outbox.HasListeners())
        {
            return null;
        }

        var traceParent = TraceParentOf(message.Payload);
        var parent = traceParent is not null && ActivityContext.TryParse(traceParent, null, out var context) ? context : default;
        var span = Telemetry.Outbox.StartActivity($"deliver {ShortTypeName(message.Type)}", ActivityKind.Consumer, parent);
        span?.SetTag("messaging.system", "outbox");
        span?.SetTag("messaging.message.id", message.Id);
        span?.SetTag("ruralcommerce.module", database.Module);
        return span;
    }

    private static string? TraceParentOf(string payload)
    {
        using var document = JsonDocument.Parse(payload);
        return document.RootElement.TryGetProperty("traceParent", out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
    }

    // "RuralCommerce.Orders.Contracts.OrderPlacedIntegrationEvent, RuralCommerce.Orders.Contracts" → "OrderPlacedIntegrationEvent"
    private static string ShortTypeName(string type)
    {
        var name = type.Split(',')[0];
        return name[(name.LastIndexOf('.') + 1)..];
    }

    private static ModuleDbContext Resolve(AsyncServiceScope scope, ModuleDatabase database) =>
        (ModuleDbContext)scope.ServiceProvider.GetRequiredService(database.ContextType);

    private static string Describe(Exception failure)
    {
        var inner = failure is AggregateException aggregate ? aggregate.Flatten().InnerExceptions : [failure];
        var text = string.Join(Environment.NewLine, inner.Select(e => $"{e.GetType().FullName}: {e.Message}"));
        return text.Length <= MaxErrorLength ? text : text[..MaxErrorLength];
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox delivery attempt {Attempt} failed; retrying in {Delay}")]
    private partial void LogRetry(int attempt, TimeSpan delay, Exception? exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Outbox message {MessageId} ({Type}) of module {Module} parked")]
    private partial void LogParked(Guid messageId, string type, string module, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox claim renewal failed")]
    private partial void LogRenewalFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Outbox dispatch round failed")]
    private partial void LogRoundFailed(Exception exception);
}
