using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RuralCommerce.Orders.Domain.Orders;
using RuralCommerce.Orders.Features.Common;
using RuralCommerce.Orders.Persistence;

namespace RuralCommerce.Orders.Features.Housekeeping;

/// <summary>
/// Cancels orders left unpaid past <see cref="OrdersOptions.UnpaidExpiry"/> (their stock goes back on sale), completes
/// delivered orders nobody confirmed within <see cref="OrdersOptions.CompletionDelay"/>, and sends the refunds still owed
/// to the payment provider. Safe on several hosts: each order is changed in its own save guarded by its version, so
/// when two hosts pick the same order one wins and the other moves on.
/// </summary>
internal sealed partial class OrderHousekeeping(
    IServiceScopeFactory scopes, IOptions<OrdersOptions> options, TimeProvider clock, ILogger<OrderHousekeeping> logger) : BackgroundService
{
    private const int BatchSize = 100;

    /// <summary>Expires what is overdue now; answers how many orders this host cancelled.</summary>
    public Task<int> ExpireUnpaidAsync(CancellationToken cancellationToken)
    {
        var cutoff = clock.GetUtcNow() - options.Value.UnpaidExpiry;
        return ForEachDueAsync(
            orders => orders.Where(o => o.Status == OrderStatus.Placed && o.PlacedAt <= cutoff).OrderBy(o => o.PlacedAt).Select(o => o.Id),
            ExpireAsync, cancellationToken);
    }

    /// <summary>
    /// Runs <paramref name="change"/> on the orders <paramref name="due"/> selects, a batch at a time, each order in a scope
    /// of its own; answers how many it changed. What a change leaves undone must drop out of <paramref name="due"/>.
    /// </summary>
    private async Task<int> ForEachDueAsync(
        Func<IQueryable<Order>, IQueryable<OrderId>> due, Func<OrderId, CancellationToken, Task<bool>> change, CancellationToken cancellationToken)
    {
        var changed = 0;
        while (true)
        {
            List<OrderId> batch;
            await using (var scope = scopes.CreateAsyncScope())
            {
                batch = await due(scope.ServiceProvider.GetRequiredService<OrdersDbContext>().Orders.AsNoTracking()).Take(BatchSize).ToListAsync(cancellationToken);
            }

            foreach (var id in batch)
            {
                changed += await change(id, cancellationToken) ? 1 : 0;
            }

            if (batch.Count < BatchSize)
            {
                return changed;
            }
        }
    }

    private async Task<bool> ExpireAsync(OrderId id, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OrdersDbContext>();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var order = await db.Orders.WholeOrders().SingleAsync(o => o.Id == id, cancellationToken);
        if (!order.IsExpiredUnpaid(clock.GetUtcNow(), options.Value.UnpaidExpiry))
        {
            return false;
        }

        order.Cancel(null, clock.GetUtcNow());
        await OrderPlacement.ReleaseAsync(db, order, cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateConcurrencyException)
        {
            // Paid, cancelled or expired by another host meanwhile: its change stands, this one rolls back.
            return false;
        }
    }

    /// <summary>Completes delivered orders whose buyers have not confirmed within <see cref="OrdersOptions.CompletionDelay"/>; answers how many this host completed.</summary>
    public Task<int> CompleteDeliveredAsync(CancellationToken cancellationToken)
    {
        var cutoff = clock.GetUtcNow() - options.Value.CompletionDelay;
        return ForEachDueAsync(
            orders => orders.Where(o => o.Status == OrderStatus.Delivered && o.DeliveredAt <= cutoff
                                        && !o.RefundRequests.Any(r => r.Status == RefundRequestStatus.Requested))
                .OrderBy(o => o.DeliveredAt).Select(o => o.Id),
            CompleteAsync, cancellationToken);
    }

    private async Task<bool> CompleteAsync(OrderId id, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OrdersDbContext>();
        var order = await db.Orders.WholeOrders().SingleAsync(o => o.Id == id, cancellationToken);
        if (!order.IsDueForCompletion(clock.GetUtcNow(), options.Value.CompletionDelay))
        {
            return false;
        }

        order.Complete(null, clock.GetUtcNow());
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateConcurrencyException)
        {
            // Confirmed by its buyer or completed by another host meanwhile: that completion stands, once.
            return false;
        }
    }

    /// <summary>Asks the provider for every refund still owed; answers how many were made.</summary>
    public async Task<int> SendRefundsAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OrdersDbContext>();
        if (scope.ServiceProvider.GetRequiredService<OfferedPaymentMethods>().Gateway is not { } gateway)
        {
            // No provider on this host: owed refunds stay owed (and shown to their buyers) until one is configured.
            return 0;
        }

        var orders = await db.Orders.WholeOrders().Where(o => o.Refunds.Any(r => r.RefundedAt == null)).OrderBy(o => o.PlacedAt).Take(BatchSize).ToListAsync(cancellationToken);
        var sent = 0;
        foreach (var order in orders)
        {
            foreach (var refund in order.Refunds.Where(r => r.RefundedAt is null))
            {
                // The provider deduplicates by refund id, so a refund sent twice (two hosts, a crash before saving) is paid once.
                refund.Complete(await gateway.RefundAsync(order.Id.Value, refund.Id, refund.AmountFen, cancellationToken), clock.GetUtcNow());
                sent++;
            }
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return 0;
        }

        return sent;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.HousekeepingInterval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                var expired = await ExpireUnpaidAsync(stoppingToken);
                var completed = await CompleteDeliveredAsync(stoppingToken);
                var refunded = await SendRefundsAsync(stoppingToken);
                if (expired + completed + refunded > 0)
                {
                    LogRound(expired, completed, refunded);
                }
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
            {
                LogFailed(exception);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Orders housekeeping: {Expired} unpaid orders expired, {Completed} delivered orders completed, {Refunded} refunds sent")]
    private partial void LogRound(int expired, int completed, int refunded);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Orders housekeeping round failed")]
    private partial void LogFailed(Exception exception);
}
