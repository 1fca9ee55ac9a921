using Microsoft.EntityFrameworkCore;
using RuralCommerce.IncomeTracking.Domain.Commission;
using RuralCommerce.IncomeTracking.Domain.Ledger;
using RuralCommerce.IncomeTracking.Domain.Months;
using RuralCommerce.IncomeTracking.Domain.Rollups;
using RuralCommerce.IncomeTracking.Features.Common;
using RuralCommerce.IncomeTracking.Persistence;
using RuralCommerce.Orders.Contracts;
using RuralCommerce.Shared.Infrastructure.Inbox;
using RuralCommerce.SharedKernel;

namespace RuralCommerce.IncomeTracking.Features.OrdersSync;

// A completed order credits each of its sellers their amount less the cooperative's commission in force on the day it
// completed; a refund approved after completion debits the refunded share at the commission of the sale it reverses.
// The inbox drops a notification delivered twice; the unique (reference, seller) index makes a second copy of the same
// fact (another event id, another host) fail instead of crediting again.

internal sealed class OrderCompletedHandler(IncomeTrackingDbContext db, TimeProvider clock)
    : IntegrationEventHandler<OrderCompletedIntegrationEvent, IncomeTrackingDbContext>(db, clock)
{
    protected override async Task HandleAsync(OrderCompletedIntegrationEvent e, CancellationToken cancellationToken)
    {
        var reference = $"order:{e.OrderId}";
        var day = ChinaTime.Today(e.CompletedAt);
        var source = e.Channel switch
        {
            "Livestream" => IncomeSource.Livestream,
            "Imported" => IncomeSource.Imported,
            _ => IncomeSource.Shop,
        };
        foreach (var seller in e.Sellers.Where(s => s.AmountFen != 0))
        {
            if (await Context.LedgerEntries.AnyAsync(x => x.Reference == reference && x.SellerId == seller.SellerId, cancellationToken))
            {
                continue;
            }

            var percent = await Context.PercentOnAsync(seller.CooperativeId, day, cancellationToken);
            var now = Clock.GetUtcNow();
            Context.LedgerEntries.Add(LedgerEntry.Sale(
                NewId.Next(Clock), seller.SellerId, seller.CooperativeId, source, reference, seller.AmountFen, CommissionRate.On(seller.AmountFen, percent),
                e.LivestreamId, e.Platform, day, now));
            foreach (var product in seller.Products ?? [])
            {
                var month = Month.Of(now);
                var income = await Context.ProductIncomes.FindAsync([product.ProductId, month], cancellationToken);
                if (income is null)
                {
                    income = ProductIncome.Start(product.ProductId, month, seller.CooperativeId);
                    Context.ProductIncomes.Add(income);
                }

                income.Add(product.ProductName, product.AmountFen - CommissionRate.On(product.AmountFen, percent));
            }
        }
    }
}

internal sealed class OrderRefundedHandler(IncomeTrackingDbContext db, TimeProvider clock)
    : IntegrationEventHandler<OrderRefundedIntegrationEvent, IncomeTrackingDbContext>(db, clock)
{
    protected override async Task HandleAsync(OrderRefundedIntegrationEvent e, CancellationToken cancellationToken)
    {
        // Before completion the order's credit is already net of the refund (Orders deducts it).
        if (!e.AfterCompletion)
        {
            return;
        }

        var reference = $"refund:{e.RefundRequestId}";
        var saleReference = $"order:{e.OrderId}";
        foreach (var seller in e.Sellers.Where(s => s.AmountFen != 0))
        {
            if (await Context.LedgerEntries.AnyAsync(x => x.Reference == reference && x.SellerId == seller.SellerId, cancellationToken))
            {
                continue;
            }

            // Events of one order arrive in order: the sale this refund reverses is already in the ledger.
            var sale = await Context.LedgerEntries.AsNoTracking().SingleAsync(x => x.Reference == saleReference && x.SellerId == seller.SellerId, cancellationToken);
            var commission = sale.GrossFen == 0 ? 0 : (long)Math.Round((decimal)seller.AmountFen * sale.CommissionFen / sale.GrossFen, 0, MidpointRounding.AwayFromZero);
            Context.LedgerEntries.Add(LedgerEntry.Sale(
                NewId.Next(Clock), seller.SellerId, seller.CooperativeId, sale.Source, reference, -seller.AmountFen, -commission, sale.LivestreamId,
                sale.Platform, ChinaTime.Today(e.RefundedAt), Clock.GetUtcNow()));
        }
    }
}
