using System.Data.Common;
using System.Diagnostics;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore.Diagnostics;
using RuralCommerce.Shared.Infrastructure.Observability;

namespace RuralCommerce.Shared.Infrastructure.Persistence;

/// <summary>
/// SQLite has one writer per file. Writers that wait inside SQLite poll its busy handler with growing sleeps, which
/// makes a burst's tail long; this gate queues one file's writers in the process instead (first come, first served),
/// so only another process's writers ever meet the busy handler. A write transaction holds the gate from BEGIN to
/// COMMIT or ROLLBACK; a write outside a transaction holds it for its one statement.
/// </summary>
public sealed class SqliteWriteGate(string module, TimeSpan maxWait)
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private long _waitTicks;
    private long _heldTicks;
    private long _entries;
    private long _enteredAt;

    /// <summary>How many writers entered, how long they waited for the gate and how long they held it, in total (for metrics).</summary>
    public (long Entries, TimeSpan Waited, TimeSpan Held) Totals =>
        (Interlocked.Read(ref _entries), TimeSpan.FromTicks(Interlocked.Read(ref _waitTicks)), TimeSpan.FromTicks(Interlocked.Read(ref _heldTicks)));

    /// <summary>Whether a writer holds the gate now.</summary>
    public bool IsHeld => _gate.CurrentCount == 0;

    /// <summary>
    /// Waits for the gate; after <c>maxWait</c> (the busy timeout) goes on without it, so a leaked holder can never
    /// stop writes for good — SQLite's own lock still keeps the file consistent.
    /// </summary>
    internal async ValueTask<bool> EnterAsync(CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var entered = await _gate.WaitAsync(maxWait, cancellationToken);
        Count(started, entered);
        return entered;
    }

    internal bool Enter()
    {
        var started = Stopwatch.GetTimestamp();
        var entered = _gate.Wait(maxWait);
        Count(started, entered);
        return entered;
    }

    internal void Leave()
    {
        Interlocked.Add(ref _heldTicks, Stopwatch.GetElapsedTime(_enteredAt).Ticks);
        _gate.Release();
    }

    // Only the holder writes the entry time; a waiter that gave up must not overwrite it.
    private void Count(long started, bool entered)
    {
        var now = Stopwatch.GetTimestamp();
        var waited = Stopwatch.GetElapsedTime(started, now);
        Interlocked.Add(ref _waitTicks, waited.Ticks);
        Telemetry.WriteGateWait.Record(waited.TotalSeconds, new KeyValuePair<string, object?>("module", module));
        if (entered)
        {
            _enteredAt = now;
            Interlocked.Increment(ref _entries);
        }
    }
}

/// <summary>One gate per module database file, shared by every DbContext of that module in this process.</summary>
public sealed class SqliteWriteGates
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, SqliteWriteGate> _gates = new();

    public SqliteWriteGate For(string module, TimeSpan maxWait) => _gates.GetOrAdd(module, _ => new SqliteWriteGate(module, maxWait));

    public IReadOnlyDictionary<string, SqliteWriteGate> All => _gates;
}

/// <summary>Takes and gives back a file's <see cref="SqliteWriteGate"/> around EF Core's transactions and autocommit writes.</summary>
internal sealed class SqliteWriteGateInterceptor(SqliteWriteGate gate) : DbTransactionInterceptor, IDbCommandInterceptor, IDbConnectionInterceptor
{
    private static readonly object ForTransaction = new();
    private static readonly object ForStatement = new();

    // Which connections hold the gate now, and for what; a statement of a connection that already holds it (inside
    // its transaction, or a migration's statements that cannot run in one) goes through without waiting for itself.
    private readonly ConditionalWeakTable<DbConnection, object> _holders = [];

    // A finished SqliteTransaction no longer knows its connection, so each transaction's is kept from its start.
    private readonly ConditionalWeakTable<DbTransaction, DbConnection> _connections = [];

    /// <summary>
    /// Enters the gate and begins the transaction itself: once the gate is entered, a request cancelled now (a phone that
    /// dropped its connection) must not make EF Core give up before BEGIN, with the gate held and no transaction to end it.
    /// </summary>
    public override async ValueTask<InterceptionResult<DbTransaction>> TransactionStartingAsync(
        DbConnection connection, TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result, CancellationToken cancellationToken = default)
    {
        await EnterAsync(connection, ForTransaction, cancellationToken);
        return Begin(connection, eventData);
    }

    public override InterceptionResult<DbTransaction> TransactionStarting(
        DbConnection connection, TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result)
    {
        Enter(connection, ForTransaction);
        return Begin(connection, eventData);
    }

    private InterceptionResult<DbTransaction> Begin(DbConnection connection, TransactionStartingEventData eventData)
    {
        try
        {
            return InterceptionResult<DbTransaction>.SuppressWithResult(connection.BeginTransaction(eventData.IsolationLevel));
        }
        catch
        {
            Leave(connection);
            throw;
        }
    }

    public override DbTransaction TransactionStarted(DbConnection connection, TransactionEndEventData eventData, DbTransaction result)
    {
        _connections.AddOrUpdate(result, connection);
        return result;
    }

    public override ValueTask<DbTransaction> TransactionStartedAsync(
        DbConnection connection, TransactionEndEventData eventData, DbTransaction result, CancellationToken cancellationToken = default)
    {
        _connections.AddOrUpdate(result, connection);
        return ValueTask.FromResult(result);
    }

    public override void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Leave(transaction);

    public override Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Leave(transaction);
        return Task.CompletedTask;
    }

    public override void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Leave(transaction);

    public override Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Leave(transaction);
        return Task.CompletedTask;
    }

    public override void TransactionFailed(DbTransaction transaction, TransactionErrorEventData eventData) => LeaveIfEnded(transaction, eventData);

    public override Task TransactionFailedAsync(DbTransaction transaction, TransactionErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        LeaveIfEnded(transaction, eventData);
        return Task.CompletedTask;
    }

    // A savepoint that failed (SaveChanges inside a transaction cancelled halfway) leaves its transaction open, and
    // SQLite's write lock with it: the gate stays held until the transaction's commit, rollback or connection ends it.
    private void LeaveIfEnded(DbTransaction transaction, TransactionErrorEventData eventData)
    {
        if (eventData.Action is "Commit" or "Rollback")
        {
            Leave(transaction);
        }
    }

    public async ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (IsAutocommitWrite(command))
        {
            await EnterAsync(command.Connection!, ForStatement, cancellationToken);
        }

        return result;
    }

    public InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        if (IsAutocommitWrite(command))
        {
            Enter(command.Connection!, ForStatement);
        }

        return result;
    }

    public async ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        if (IsAutocommitWrite(command))
        {
            await EnterAsync(command.Connection!, ForStatement, cancellationToken);
        }

        return result;
    }

    public InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        if (IsAutocommitWrite(command))
        {
            Enter(command.Connection!, ForStatement);
        }

        return result;
    }

    public ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        LeaveAutocommit(command);
        return ValueTask.FromResult(result);
    }

    public int NonQueryExecuted(DbCommand command, CommandExecutedEventData eventData, int result)
    {
        LeaveAutocommit(command);
        return result;
    }

    // A reader's statement is done when the reader closes (a write's RETURNING rows are read first).
    public InterceptionResult DataReaderClosing(DbCommand command, DataReaderClosingEventData eventData, InterceptionResult result)
    {
        LeaveAutocommit(command);
        return result;
    }

    public ValueTask<InterceptionResult> DataReaderClosingAsync(DbCommand command, DataReaderClosingEventData eventData, InterceptionResult result)
    {
        LeaveAutocommit(command);
        return ValueTask.FromResult(result);
    }

    public InterceptionResult DataReaderDisposing(DbCommand command, DataReaderDisposingEventData eventData, InterceptionResult result)
    {
        LeaveAutocommit(command);
        return result;
    }

    public void CommandFailed(DbCommand command, CommandErrorEventData eventData) => LeaveAutocommit(command);

    public void CommandCanceled(DbCommand command, CommandEndEventData eventData) => LeaveAutocommit(command);

    public Task CommandCanceledAsync(DbCommand command, CommandEndEventData eventData, CancellationToken cancellationToken = default)
    {
        LeaveAutocommit(command);
        return Task.CompletedTask;
    }

    public Task CommandFailedAsync(DbCommand command, CommandErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        LeaveAutocommit(command);
        return Task.CompletedTask;
    }

    // A transaction disposed without commit or rollback (an exception on the way out) ends when its connection closes.
    public void ConnectionClosed(DbConnection connection, ConnectionEndEventData eventData) => Leave(connection);

    public Task ConnectionClosedAsync(DbConnection connection, ConnectionEndEventData eventData)
    {
        Leave(connection);
        return Task.CompletedTask;
    }

    private static bool IsAutocommitWrite(DbCommand command) =>
        command.Transaction is null && command.CommandText.AsSpan().TrimStart() is var sql
        && (sql.StartsWith("INSERT", StringComparison.OrdinalIgnoreCase) || sql.StartsWith("UPDATE", StringComparison.OrdinalIgnoreCase)
            || sql.StartsWith("DELETE", StringComparison.OrdinalIgnoreCase));

    private void LeaveAutocommit(DbCommand command)
    {
        if (command.Transaction is null && command.Connection is { } connection
            && _holders.TryGetValue(connection, out var purpose) && purpose == ForStatement)
        {
            Leave(connection);
        }
    }

    private async ValueTask EnterAsync(DbConnection connection, object purpose, CancellationToken cancellationToken)
    {
        if (!_holders.TryGetValue(connection, out _) && await gate.EnterAsync(cancellationToken))
        {
            _holders.AddOrUpdate(connection, purpose);
        }
    }

    private void Enter(DbConnection connection, object purpose)
    {
        if (!_holders.TryGetValue(connection, out _) && gate.Enter())
        {
            _holders.AddOrUpdate(connection, purpose);
        }
    }

    private void Leave(DbTransaction transaction) =>
        Leave(transaction.Connection ?? (_connections.TryGetValue(transaction, out var connection) ? connection : null));

    private void Leave(DbConnection? connection)
    {
        if (connection is not null && _holders.Remove(connection))
        {
            gate.Leave();
        }
    }
}
