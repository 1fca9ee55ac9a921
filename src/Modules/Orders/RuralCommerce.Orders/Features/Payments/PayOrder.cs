using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using RuralCommerce.Orders.Domain.Orders;
using RuralCommerce.Orders.Features.Common;
using RuralCommerce.Orders.Persistence;
using RuralCommerce.Shared.Infrastructure.Idempotency;
using RuralCommerce.Shared.Infrastructure.Security;
using RuralCommerce.SharedKernel;

namespace RuralCommerce.Orders.Features.Payments;

/// <summary>Where to pay: the provider's page for this order, its amount and method.</summary>
internal sealed record PaymentSessionResponse(Guid OrderId, decimal Amount, string PaymentMethod, string PayUrl);

internal static class PayOrderEndpoint
{
    public static void MapPayOrder(this IEndpointRouteBuilder group) =>
        group.MapPost(OrdersApiPaths.PayOrder, HandleAsync)
            .RequireAuthorization()
            .WithIdempotency<OrdersDbContext>()
            .WithName("PayOrder")
            .WithSummary("The buyer starts paying an order: answers the payment provider's page to open.")
            .WithDescription("Only its buyer (another buyer's order is 404). The order becomes paid when the provider's signed callback " +
                "arrives, not here. 409 `AlreadyPaid`, `OrderCancelled`, `PaidOnDelivery` for a cash-on-delivery order, or " +
                "`PaymentUnavailable` when the host no longer has a provider for the order's method.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

    internal static async Task<Ok<PaymentSessionResponse>> HandleAsync(
        Guid orderId, ClaimsPrincipal caller, OrdersDbContext db, OfferedPaymentMethods payments, CancellationToken cancellationToken)
    {
        var buyer = caller.AccountId();
        var order = await db.Orders.AsNoTracking().Where(o => o.Id == new OrderId(orderId) && o.BuyerAccountId == buyer)
            .Select(o => new { o.Status, o.PaymentMethod, o.TotalFen }).SingleOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("Order", orderId);
        var refusal = (order.Status, order.PaymentMethod) switch
        {
            (OrderStatus.Paid, _) => ("AlreadyPaid", "This order is already paid."),
            (OrderStatus.Cancelled, _) => ("OrderCancelled", "This order was cancelled: it can no longer be paid."),
            (_, PaymentMethod.CashOnDelivery) => ("PaidOnDelivery", "This order is paid in cash when it is delivered."),
            _ when payments.Gateway is null => ("PaymentUnavailable", "This host can no longer collect this payment method: cancel the order and order again."),
            _ => default,
        };
        if (refusal.Item1 is { } reason)
        {
            throw new ConflictException(reason, refusal.Item2);
        }

        return TypedResults.Ok(new PaymentSessionResponse(orderId, Money.FromFen(order.TotalFen).Amount, order.PaymentMethod.ToString(), payments.Gateway!.PayUrl(orderId)));
    }
}
