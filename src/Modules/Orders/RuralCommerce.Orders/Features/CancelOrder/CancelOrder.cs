using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using RuralCommerce.Orders.Domain.Orders;
using RuralCommerce.Orders.Features.Common;
using RuralCommerce.Orders.Persistence;
using RuralCommerce.Shared.Infrastructure.Security;
using RuralCommerce.SharedKernel;

namespace RuralCommerce.Orders.Features.CancelOrder;

internal static class CancelOrderEndpoint
{
    public static void MapCancelOrder(this IEndpointRouteBuilder group) =>
        group.MapPost(OrdersApiPaths.CancelOrder, HandleAsync)
            .RequireAuthorization()
            .WithName("CancelOrder")
            .WithSummary("The buyer cancels an unpaid order; its stock goes back on sale at once.")
            .WithDescription("Only its buyer (another buyer's order is 404). An order already cancelled, or paid, is 409; two cancellations " +
                "at once release the stock once.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

    internal static async Task<Ok<OrderResponse>> HandleAsync(
        Guid orderId, ClaimsPrincipal caller, OrdersDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var buyer = caller.AccountId();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var order = await db.Orders.Include(o => o.Lines).Include(o => o.Transitions).AsSplitQuery()
            .SingleOrDefaultAsync(o => o.Id == new OrderId(orderId) && o.BuyerAccountId == buyer, cancellationToken)
            ?? throw new NotFoundException("Order", orderId);
        order.Cancel(buyer, clock.GetUtcNow());
        await ReleaseAsync(db, order, cancellationToken);
        // The order's version makes a second, simultaneous cancellation fail here (409) and roll its release back.
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return TypedResults.Ok(order.ToResponse());
    }

    /// <summary>Gives the order's reserved quantities back to the sellable stock, inside the caller's transaction.</summary>
    public static async Task ReleaseAsync(OrdersDbContext db, Order order, CancellationToken cancellationToken)
    {
        foreach (var line in order.Lines.OrderBy(l => l.ProductId))
        {
            var milli = line.QuantityMilli;
            await db.SellableProducts.Where(p => p.Id == line.ProductId)
                .ExecuteUpdateAsync(s => s.SetProperty(p => p.ReservedMilli, p => p.ReservedMilli - milli), cancellationToken);
        }
    }
}
