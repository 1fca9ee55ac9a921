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

namespace RuralCommerce.Orders.Features.ConfirmReceipt;

internal static class ConfirmReceiptEndpoint
{
    public static void MapConfirmReceipt(this IEndpointRouteBuilder group) =>
        group.MapPost(OrdersApiPaths.ConfirmReceipt, HandleAsync)
            .RequireAuthorization()
            .WithName("ConfirmReceipt")
            .WithSummary("The buyer confirms the order arrived: it completes, and its sellers are credited.")
            .WithDescription("Only its buyer (another buyer's order is 404), and only once every shipment is delivered (else 409). " +
                "Unconfirmed, a delivered order completes on its own after `Orders:CompletionDelay` (7 days). Publishes OrderCompleted.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

    internal static async Task<Ok<OrderResponse>> HandleAsync(
        Guid orderId, ClaimsPrincipal caller, OrdersDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var buyer = caller.AccountId();
        var order = await db.Orders.BuyersOrderAsync(orderId, buyer, cancellationToken);
        order.Complete(buyer, clock.GetUtcNow());
        // The version makes this and the completion job (or a second tap) complete the order once: the other one is 409.
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(order.ToResponse());
    }
}
