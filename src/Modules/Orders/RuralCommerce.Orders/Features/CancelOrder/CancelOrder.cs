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
            .WithSummary("The buyer cancels an order that has not shipped; its stock goes back on sale at once, and a paid order's money is refunded.")
            .WithDescription("Only its buyer (another buyer's order is 404). An order already cancelled is 409; two cancellations at once " +
                "release the stock once. A paid order gets a refund, which the payment provider is asked to make at once (`refunds`).")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

    internal static async Task<Ok<OrderResponse>> HandleAsync(
        Guid orderId, ClaimsPrincipal caller, OrdersDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var buyer = caller.AccountId();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var order = await db.Orders.BuyersOrderAsync(orderId, buyer, cancellationToken);
        order.Cancel(buyer, clock.GetUtcNow());
        await OrderPlacement.ReleaseAsync(db, order, cancellationToken);
        // The order's version makes a second, simultaneous cancellation fail here (409) and roll its release back.
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return TypedResults.Ok(order.ToResponse());
    }
}
