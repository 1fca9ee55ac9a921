using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace RuralCommerce.Shared.Infrastructure.Inbox;

/// <summary>Proof that one handler has applied one event; its key makes a second application impossible.</summary>
public sealed class InboxMessage
{
    public InboxMessage(Guid eventId, string handler, DateTimeOffset processedAt)
    {
        EventId = eventId;
        Handler = handler;
        ProcessedAt = processedAt;
    }

    public Guid EventId { get; private set; }

    public string Handler { get; private set; }

    public DateTimeOffset ProcessedAt { get; private set; }
}

internal sealed class InboxMessageConfiguration : IEntityTypeConfiguration<InboxMessage>
{
    public void Configure(EntityTypeBuilder<InboxMessage> builder)
    {
        builder.ToTable("InboxMessages");
        builder.HasKey(m => new { m.EventId, m.Handler });
        builder.Property(m => m.Handler).HasMaxLength(300);
    }
}
