using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using RuralCommerce.Shared.Infrastructure.Idempotency;
using RuralCommerce.Shared.Infrastructure.Inbox;
using RuralCommerce.Shared.Infrastructure.Outbox;
using RuralCommerce.SharedKernel;

namespace RuralCommerce.Shared.Infrastructure.Persistence;

/// <summary>
/// Base of every module's DbContext. It owns the module's outbox and inbox, turns the domain events of saved
/// aggregates into outbox rows in the same transaction, keeps aggregate versions as concurrency tokens, and applies
/// the storage conventions both providers share (UTC ticks on SQLite, money as whole fen, typed ids as Guids).
/// </summary>
public abstract class ModuleDbContext : DbContext
{
    private TimeProvider? _clock;
    private DateTimeOffset _lastOccurredAt = DateTimeOffset.MinValue;

    protected ModuleDbContext(DbContextOptions options)
        : base(options)
    {
    }

    /// <summary>The module's SQL Server schema (SQLite has none: each module gets its own file instead).</summary>
    public abstract string Schema { get; }

    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();

    public DbSet<InboxMessage> InboxMessages => Set<InboxMessage>();

    public DbSet<IdempotentRequest> IdempotentRequests => Set<IdempotentRequest>();

    internal bool HasUnsignalledOutboxMessages { get; set; }

    /// <summary>Set by the idempotency filter around a handler that opens its writes late: the filter saves and commits them with the key.</summary>
    internal bool KeyCommitsWrites { get; set; }

    /// <summary>
    /// Opens the transaction of a request's writes; call it after the reads and checks, right before the first write,
    /// so SQLite's one writer per file is held for the writes only. Returns the transaction to commit, or null when
    /// another unit commits it: a transaction already open, or the idempotency filter, which commits the writes with the
    /// request's key (an endpoint opts in with <c>WithIdempotency&lt;TContext&gt;(handlerOpensWrites: true)</c>).
    /// End the writes with <see cref="CommitWritesAsync"/>.
    /// </summary>
    public async Task<IDbContextTransaction?> BeginWritesAsync(CancellationToken cancellationToken)
    {
        if (Database.CurrentTransaction is not null)
        {
            return null;
        }

        var transaction = await Database.BeginTransactionAsync(cancellationToken);
        return KeyCommitsWrites ? null : transaction;
    }

    /// <summary>
    /// Saves and commits the writes <see cref="BeginWritesAsync"/> opened, when they are this unit's to commit. Under the
    /// idempotency filter's key the filter saves and commits them with the key: one <c>SaveChanges</c> while the
    /// writer is held, not two.
    /// </summary>
    public async Task CommitWritesAsync(IDbContextTransaction? writes, CancellationToken cancellationToken)
    {
        if (!KeyCommitsWrites)
        {
            await SaveChangesAsync(cancellationToken);
        }

        if (writes is not null)
        {
            await writes.CommitAsync(cancellationToken);
        }
    }

    /// <summary>
    /// Does now what <c>SaveChanges</c> does first: bumps the changed aggregates' versions and turns their domain events
    /// into outbox rows. A hot path calls it before <see cref="BeginWritesAsync"/>, so the file's writer is not held
    /// for it; <c>SaveChanges</c> then finds it done.
    /// </summary>
    public void PrepareWrites() => PrepareForSave();

    /// <summary>Stores an integration event in this module's outbox; it is published once the save commits.</summary>
    public void Publish(IntegrationEvent integrationEvent)
    {
        ArgumentNullException.ThrowIfNull(integrationEvent);
        // Strictly increasing within this context, so events raised in one save keep their order even on one clock tick.
        var now = Clock.GetUtcNow();
        _lastOccurredAt = now > _lastOccurredAt ? now : _lastOccurredAt.AddTicks(1);
        OutboxMessages.Add(OutboxMessage.From(integrationEvent, _lastOccurredAt));
    }

    /// <summary>The application's <see cref="TimeProvider"/> (tests replace it), or the system clock outside DI.</summary>
    protected TimeProvider Clock => _clock ??=
        this.GetService<IDbContextOptions>().FindExtension<CoreOptionsExtension>()?.ApplicationServiceProvider
            ?.GetService<TimeProvider>() ?? TimeProvider.System;

    /// <summary>
    /// Maps a domain event raised by one of this module's aggregates to the integration events other modules see.
    /// Called during <c>SaveChanges</c>, so the rows commit with the aggregate.
    /// </summary>
    protected virtual IEnumerable<IntegrationEvent> ToIntegrationEvents(IDomainEvent domainEvent) => [];

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        PrepareForSave();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        PrepareForSave();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    /// <summary>The warnings every module's options share (set once at registration: the options are built once).</summary>
    internal static void ConfigureWarnings(WarningsConfigurationBuilder warnings) =>
        warnings
            // A module that has only its outbox and inbox yet is fine.
            .Ignore(CoreEventId.NoEntityTypeConfigurationsWarning)
            // A failed command is logged with its whole text and parameter list (megabytes for a large IN list); the
            // exception itself still reaches the log through the error handler.
            .Log((RelationalEventId.CommandError, LogLevel.Debug))
            // Likewise a failed commit or rollback; and a request cancelled halfway (a phone that dropped its
            // connection) fails its savepoint's rollback, which is no error of the host's.
            .Log((RelationalEventId.TransactionError, LogLevel.Debug));

    public override void Dispose()
    {
        ResetState();
        base.Dispose();
    }

    public override ValueTask DisposeAsync()
    {
        ResetState();
        return base.DisposeAsync();
    }

    /// <summary>
    /// Forgets what this context kept beside EF Core's own state before it goes back to the pool (EF Core resets the
    /// change tracker, the connection and the transaction itself).
    /// </summary>
    protected virtual void ResetState()
    {
        HasUnsignalledOutboxMessages = false;
        KeyCommitsWrites = false;
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        if (Database.IsSqlServer())
        {
            modelBuilder.HasDefaultSchema(Schema);
        }

        modelBuilder.ApplyConfiguration(new OutboxMessageConfiguration());
        modelBuilder.ApplyConfiguration(new InboxMessageConfiguration());
        modelBuilder.ApplyConfiguration(new IdempotentRequestConfiguration());
        modelBuilder.ApplyConfigurationsFromAssembly(GetType().Assembly);

        foreach (var entityType in modelBuilder.Model.GetEntityTypes()
                     .Where(t => typeof(AggregateRoot).IsAssignableFrom(t.ClrType) && t.BaseType is null))
        {
            modelBuilder.Entity(entityType.ClrType).Property(nameof(AggregateRoot.Version)).IsConcurrencyToken();
        }
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        ArgumentNullException.ThrowIfNull(configurationBuilder);
        configurationBuilder.Properties<Money>().HaveConversion<MoneyToFenConverter>();
        configurationBuilder.Properties<PhoneNumber>().HaveConversion<PhoneNumberConverter>().HaveMaxLength(16);
        if (Database.IsSqlite())
        {
            // SQLite cannot compare or order DateTimeOffset; UTC ticks compare correctly and index well.
            configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcTicksConverter>();
        }

        foreach (var idType in StronglyTypedIdTypes(GetType().Assembly))
        {
            configurationBuilder.Properties(idType)
                .HaveConversion(typeof(StronglyTypedIdConverter<>).MakeGenericType(idType));
        }
    }

    private static IEnumerable<Type> StronglyTypedIdTypes(Assembly assembly) =>
        assembly.GetTypes().Where(t => t.IsValueType && t.GetInterfaces().Any(i =>
            i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IStronglyTypedId<>)));

    private void PrepareForSave()
    {
        var aggregates = ChangeTracker.Entries<AggregateRoot>().ToList();
        // An aggregate that raised an event changed, even when only its children did: its version guards the change too.
        foreach (var entry in aggregates.Where(e => e.State == EntityState.Unchanged && e.Entity.DomainEvents.Count > 0))
        {
            entry.Property(a => a.Version).IsModified = true;
        }

        foreach (var entry in aggregates.Where(e => e.State == EntityState.Modified))
        {
            var version = entry.Property(a => a.Version);
            version.CurrentValue = version.OriginalValue + 1;
        }

        foreach (var aggregate in aggregates.Select(e => e.Entity).Where(a => a.DomainEvents.Count > 0))
        {
            foreach (var integrationEvent in aggregate.DomainEvents.SelectMany(ToIntegrationEvents))
            {
                Publish(integrationEvent);
            }

            aggregate.ClearDomainEvents();
        }

        HasUnsignalledOutboxMessages |= ChangeTracker.Entries<OutboxMessage>().Any(e => e.State == EntityState.Added);
    }
}
