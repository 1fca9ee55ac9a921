using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace RuralCommerce.Shared.Infrastructure.Idempotency;

/// <summary>The answer given to one <c>Idempotency-Key</c>, committed with the change the request made.</summary>
public sealed class IdempotentRequest
{
    private IdempotentRequest()
    {
    }

    /// <summary>Hash of caller, method and path: a key is only ever compared within its own scope.</summary>
    public string Scope { get; private set; } = "";

    public string Key { get; private set; } = "";

    public string RequestHash { get; private set; } = "";

    public int StatusCode { get; private set; }

    public string? ResponseBody { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    internal static IdempotentRequest Start(string scope, string key, string requestHash, DateTimeOffset now) =>
        new() { Scope = scope, Key = key, RequestHash = requestHash, CreatedAt = now };

    internal void Complete(int statusCode, string? responseBody)
    {
        StatusCode = statusCode;
        ResponseBody = responseBody;
    }
}

internal sealed class IdempotentRequestConfiguration : IEntityTypeConfiguration<IdempotentRequest>
{
    public void Configure(EntityTypeBuilder<IdempotentRequest> builder)
    {
        builder.ToTable("IdempotentRequests");
        builder.HasKey(r => new { r.Scope, r.Key });
        builder.Property(r => r.Scope).HasMaxLength(64);
        builder.Property(r => r.Key).HasMaxLength(100);
        builder.Property(r => r.RequestHash).HasMaxLength(64);
        builder.HasIndex(r => r.CreatedAt);
    }
}
