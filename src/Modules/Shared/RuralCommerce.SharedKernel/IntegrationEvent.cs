using System.Text.Json.Serialization;
using MediatR;

namespace RuralCommerce.SharedKernel;

/// <summary>A notification another module may consume. Lives in a module's Contracts project.</summary>
public interface IIntegrationEvent : INotification
{
    /// <summary>Unique per occurrence: consumers use it to handle each event once.</summary>
    Guid EventId { get; }

    /// <summary>When the change that caused the event committed (UTC).</summary>
    DateTimeOffset OccurredAt { get; }
}

/// <summary>
/// Base for integration events: <c>public sealed record MemberJoinedIntegrationEvent(Guid CooperativeId, ...) : IntegrationEvent;</c>
/// Past tense, primitives only, versioned by adding fields. The outbox stamps <see cref="EventId"/> and
/// <see cref="OccurredAt"/> when it stores the event.
/// </summary>
public abstract record IntegrationEvent : IIntegrationEvent
{
    public Guid EventId { get; init; }

    public DateTimeOffset OccurredAt { get; init; }

    /// <summary>
    /// The W3C trace context of the request that published the event (stamped by the outbox): its delivery is traced
    /// as part of that request's trace, so an operator can follow a placed order to the ledger entry it produced.
    /// </summary>
    public string? TraceParent { get; init; }

    /// <summary>
    /// Events with the same key are delivered one after another in the order they occurred, on any number of hosts,
    /// and a parked one holds back the later ones of its key (only those). Usually the aggregate the event is about,
    /// e.g. <c>member:{MemberId}</c>. Null: the event need not wait for any other.
    /// </summary>
    [JsonIgnore]
    public virtual string? PartitionKey => null;
}
