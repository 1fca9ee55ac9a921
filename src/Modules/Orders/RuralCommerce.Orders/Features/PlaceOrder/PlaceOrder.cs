using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using RuralCommerce.Orders.Domain.Orders;
using RuralCommerce.Orders.Domain.Sellables;
using RuralCommerce.Orders.Features.Common;
using RuralCommerce.Orders.Persistence;
using RuralCommerce.Shared.Infrastructure.Idempotency;
using RuralCommerce.Shared.Infrastructure.Persistence;
using RuralCommerce.Shared.Infrastructure.Security;
using RuralCommerce.Shared.Infrastructure.Web;
using RuralCommerce.SharedKernel;

namespace RuralCommerce.Orders.Features.PlaceOrder;

internal sealed record OrderLineRequest([property: Required] Guid? ProductId, [property: Required] decimal? Quantity);

/// <param name="PaymentMethod">WeChatPay, Alipay, BankTransfer or CashOnDelivery.</param>
/// <param name="Delivery">Where to deliver; or <paramref name="AddressId"/>, one of the buyer's saved addresses.</param>
/// <param name="LivestreamId">The live event the buyer orders in: its featured products sell at its prices, within its caps.</param>
internal sealed record PlaceOrderRequest(
    [property: Required, MinLength(1), MaxLength(PlaceOrderEndpoint.MaxLines)] IReadOnlyList<OrderLineRequest>? Lines,
    DeliveryRequest? Delivery,
    [property: Required, OneOfNames(typeof(PaymentMethod), Except = [nameof(Domain.Orders.PaymentMethod.PaidOnPlatform)])] string? PaymentMethod,
    Guid? AddressId = null,
    Guid? LivestreamId = null);

internal static class PlaceOrderEndpoint
{
    public const int MaxLines = 50;

    public static void MapPlaceOrder(this IEndpointRouteBuilder group) =>
        group.MapPost(OrdersApiPaths.Orders, HandleAsync)
            .RequireAuthorization()
            .RequireRateLimiting(OrdersRateLimits.Placement)
            .WithOneConnection<OrdersDbContext>()
            .WithIdempotency<OrdersDbContext>(handlerOpensWrites: true)
            .WithName("PlaceOrder")
            .WithSummary("A buyer places an order: every line's stock is reserved at once, or nothing is.")
            .WithDescription("Signed-in buyers. Prices come from the shop, never from the request: the list price, or the livestream price " +
                "for a product featured in the live event named by `livestreamId`. Quantities are in units of sale: whole for counted units, to " +
                "the gram for weighed ones. 409 `InsufficientStock` lists the short lines (`shortLines`: productId, requested, available); 409 " +
                "`LivestreamCapReached` lists the lines over the event's caps the same way; 409 `ProductNotForSale` names products that are " +
                "unknown, not listed, or of another cooperative than the live event's; 409 `LivestreamNotLive` when the event is not on air; 409 " +
                "`OneCooperativePerOrder` when the lines are of several cooperatives (an order is paid to one cooperative: `productIds` names " +
                "the lines of the others; a cart's checkout splits them). " +
                "Cash-on-delivery orders are confirmed at once; others wait for their payment and expire unpaid. Send an Idempotency-Key: a " +
                "retry returns the same order and reserves nothing again. In a burst a host works on a few placements at once and queues the " +
                "rest; 429 when even its queue is full (retry with the same key).")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);

    internal static async Task<Created<OrderResponse>> HandleAsync(
        PlaceOrderRequest request, ClaimsPrincipal caller, OrdersDbContext db, OfferedPaymentMethods offered, TimeProvider clock, CancellationToken cancellationToken)
    {
        var buyer = caller.AccountId();
        var errors = new ValidationErrors();
        var wanted = ValidateLines(request.Lines, errors);
        var method = OrderPlacement.RequirePaymentMethod(errors, request.PaymentMethod, offered);
        var delivery = await DeliveryChoice.ResolveAsync(db, buyer, request.Delivery, request.AddressId, errors, cancellationToken);
        errors.ThrowIfAny();

        var order = (await OrderPlacement.PlaceAsync(db, clock, buyer, wanted, delivery!, method, request.LivestreamId, oneCooperative: true, cancellationToken)).Single();
        return TypedResults.Created(OrdersApiPaths.Url(OrdersApiPaths.Order, order.Id.Value), order.ToResponse());
    }

    internal static Dictionary<Guid, decimal> ValidateLines(IReadOnlyList<OrderLineRequest>? requested, ValidationErrors errors)
    {
        var lines = requested ?? [];
        errors.Require(lines.Count is > 0 and <= MaxLines, "lines", $"An order has 1 to {MaxLines} lines.");
        var wanted = new Dictionary<Guid, decimal>();
        foreach (var line in lines)
        {
            var valid = line is { ProductId: not null } && OrderPlacement.IsQuantity(line.Quantity);
            errors.Require(valid, "lines", "Each line names a product and a positive quantity (at most three decimals).");
            if (valid && !wanted.TryAdd(line.ProductId!.Value, line.Quantity!.Value))
            {
                errors.Add("lines", "Each product appears on one line only.");
            }
        }

        return wanted;
    }
}
