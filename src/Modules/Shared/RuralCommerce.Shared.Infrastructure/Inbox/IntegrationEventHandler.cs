using System.Diagnostics;
using MediatR;
using Microsoft.EntityFrameworkCore;
using RuralCommerce.Shared.Infrastructure.Observability;
using RuralCommerce.Shared.Infrastructure.Persistence;
using RuralCommerce.SharedKernel;

namespace RuralCommerce.Shared.Infrastructure.Inbox;

/// <summary>
/// Base of every integration event handler. The handler stages its changes on the module's DbContext; they commit
/// together with an inbox row keyed by (event id, handler), so a redelivered event changes nothing the second time.
/// </summary>
public abstract class IntegrationEventHandler<TEvent, TContext>(TContext context, TimeProvider clock) : INotificationHandler<TEvent>
    where TEvent : IntegrationEvent
    where TContext : ModuleDbContext
{
    protected TContext Context { get; } = context;

    protected TimeProvider Clock { get; } = clock;

    private string HandlerName => GetType().FullName!;

    public async Task Handle(TEvent notification, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notification);
        var started = Stopwatch.GetTimestamp();
        var outcome = "handled";
        try
        {
            if (await AlreadyHandledAsync(notification.EventId, cancellationToken))
            {
                outcome = "duplicate";
                return;
            }

            outcome = await ApplyAsync(notification, cancellationToken) ? "handled" : "duplicate";
        }
        catch
        {
            outcome = "failed";
            throw;
        }
        finally
        {
            Telemetry.InboxHandling.Record(
                Stopwatch.GetElapsedTime(started).TotalSeconds,
                new("module", GetType().Namespace?.Split('.').ElementAtOrDefault(1)), new("handler", GetType().Name), new("outcome", outcome));
        }
    }

    /// <summary>True when this delivery applied the event; false when another delivery of it committed first.</summary>
    private async Task<bool> ApplyAsync(TEvent notification, CancellationToken cancellationToken)
    {
        try
        {
            await HandleAsync(notification, cancellationToken);
            Context.InboxMessages.Add(new InboxMessage(notification.EventId, HandlerName, Clock.GetUtcNow()));
            await Context.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch
        {
            Context.ChangeTracker.Clear();
            if (!await AlreadyHandledAsync(notification.EventId, cancellationToken))
            {
                throw;
            }

            // Another delivery of the same event committed first; its changes stand, ours were rolled back.
            return false;
        }
    }

    /// <summary>Applies the event to the module's state. Stage changes only: the base class saves them.</summary>
    protected abstract Task HandleAsync(TEvent integrationEvent, CancellationToken cancellationToken);

    private Task<bool> AlreadyHandledAsync(Guid eventId, CancellationToken cancellationToken) =>
        Context.InboxMessages.AnyAsync(m => m.EventId == eventId && m.Handler == HandlerName, cancellationToken);
}
