using System.Diagnostics;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RuralCommerce.SharedKernel;

namespace RuralCommerce.Shared.Infrastructure.Outbox;

/// <summary>An integration event waiting in its module's outbox, committed with the change that caused it.</summary>
public sealed class OutboxMessage
{
    private OutboxMessage()
    {
    }

    public Guid Id { get; private set; }

    /// <summary>Event type as <c>Namespace.Type, Assembly</c>, without version, so upgrades keep old rows readable.</summary>
    public string Type { get; private set; } = "";

    public string Payload { get; private set; } = "";

    public DateTimeOffset OccurredAt { get; private set; }

    /// <summary>Messages with the same key are delivered in order of <see cref="OccurredAt"/>, one after another.</summary>
    public string? PartitionKey { get; private set; }

    public DateTimeOffset? ProcessedAt { get; private set; }

    /// <summary>Set when the dispatcher gave up; an operator can see and replay it.</summary>
    public DateTimeOffset? ParkedAt { get; private set; }

    /// <summary>How many times a dispatcher has claimed the message (a crash mid-delivery counts too).</summary>
    public int Deliveries { get; private set; }

    public string? LastError { get; private set; }

    /// <summary>The dispatcher batch that owns the message until <see cref="ClaimExpiresAt"/>.</summary>
    public Guid? ClaimToken { get; private set; }

    public DateTimeOffset? ClaimExpiresAt { get; private set; }

    internal const int MaxPartitionKeyLength = 200;

    internal static JsonSerializerOptions SerializerOptions { get; } = new(JsonSerializerDefaults.Web);

    internal static OutboxMessage From(IntegrationEvent integrationEvent, DateTimeOffset occurredAt)
    {
        var stamped = integrationEvent with
        {
            EventId = Guid.CreateVersion7(occurredAt),
            OccurredAt = occurredAt,
            TraceParent = Activity.Current is { IdFormat: ActivityIdFormat.W3C } current ? current.Id : null,
        };
        var type = stamped.GetType();
        return new OutboxMessage
        {
            Id = stamped.EventId,
            Type = TypeName(type),
            Payload = JsonSerializer.Serialize(stamped, type, SerializerOptions),
            OccurredAt = occurredAt,
            PartitionKey = stamped.PartitionKey is { Length: > MaxPartitionKeyLength } key
                ? throw new InvalidOperationException($"Partition key '{key[..40]}…' is longer than {MaxPartitionKeyLength} characters.")
                : stamped.PartitionKey,
        };
    }

    internal static string TypeName(Type type) => $"{type.FullName}, {type.Assembly.GetName().Name}";

    internal IntegrationEvent Deserialize()
    {
        var type = System.Type.GetType(Type, throwOnError: false)
                   ?? throw new InvalidOperationException($"Unknown integration event type '{Type}'.");
        if (!typeof(IntegrationEvent).IsAssignableFrom(type))
        {
            throw new InvalidOperationException($"'{Type}' is not an integration event.");
        }

        return (IntegrationEvent)(JsonSerializer.Deserialize(Payload, type, SerializerOptions)
                                  ?? throw new InvalidOperationException($"Empty payload for '{Type}'."));
    }
}

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> builder)
    {
        builder.ToTable("OutboxMessages");
        builder.HasKey(m => m.Id);
        builder.Property(m => m.Id).ValueGeneratedNever();
        builder.Property(m => m.Type).HasMaxLength(500).IsRequired();
        builder.Property(m => m.Payload).IsRequired();
        builder.Property(m => m.LastError).HasMaxLength(4000);
        builder.Property(m => m.PartitionKey).HasMaxLength(OutboxMessage.MaxPartitionKeyLength);
        builder.HasIndex(m => new { m.ProcessedAt, m.ParkedAt, m.OccurredAt });
        // "Is an earlier message of this partition still undelivered?" is asked for every candidate of every round.
        builder.HasIndex(m => new { m.PartitionKey, m.ProcessedAt, m.OccurredAt });
        builder.HasIndex(m => m.ClaimToken);
    }
}
