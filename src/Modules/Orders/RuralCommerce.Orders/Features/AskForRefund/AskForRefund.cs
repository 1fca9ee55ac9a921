using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using RuralCommerce.Orders.Domain.Orders;
using RuralCommerce.Orders.Domain.Sellables;
using RuralCommerce.Orders.Features.Common;
using RuralCommerce.Orders.Persistence;
using RuralCommerce.Shared.Infrastructure.Idempotency;
using RuralCommerce.Shared.Infrastructure.Security;
using RuralCommerce.Shared.Infrastructure.Web;
using RuralCommerce.SharedKernel;

namespace RuralCommerce.Orders.Features.AskForRefund;

internal sealed record RefundLineRequest(Guid? ProductId, decimal? Quantity);

/// <param name="Lines">What to refund; leave it out to ask back everything of the cooperative's lines that is left.</param>
internal sealed record AskForRefundRequest(Guid? CooperativeId, string? Reason, IReadOnlyList<RefundLineRequest>? Lines = null);

internal static class AskForRefundEndpoint
{
    public static void MapAskForRefund(this IEndpointRouteBuilder group) =>
        group.MapPost(OrdersApiPaths.RefundRequests, HandleAsync)
            .RequireAuthorization()
            .WithIdempotency<OrdersDbContext>()
            .WithName("AskForRefund")
            .WithSummary("The buyer asks for money back for some (or all) of one cooperative's lines; its administrator decides.")
            .WithDescription("Only its buyer (another buyer's order is 404). One request covers one cooperative's products (`cooperativeId`); " +
                "`lines` name products and quantities, or are left out for everything of that cooperative not already asked back. 409 when " +
                "nothing was paid, when a quantity is more than was bought and not yet asked back (`ARefundCoversAtMostWhatWasBought`), or " +
                "when the goods were delivered more than `Orders:RefundWindow` (7 days) ago. An order waiting for a decision does not " +
                "complete on its own.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

    internal static async Task<Created<RefundRequestResponse>> HandleAsync(
        Guid orderId, AskForRefundRequest request, ClaimsPrincipal caller, OrdersDbContext db, TimeProvider clock, IOptions<OrdersOptions> options,
        CancellationToken cancellationToken)
    {
        var buyer = caller.AccountId();
        var order = await db.Orders.BuyersOrderAsync(orderId, buyer, cancellationToken);
        var errors = new ValidationErrors();
        var reason = errors.RequireText(request.Reason, "reason", 500);
        var cooperativeId = request.CooperativeId ?? Guid.Empty;
        errors.Require(order.Lines.Any(l => l.CooperativeId == cooperativeId), "cooperativeId", "Name a cooperative whose products are in this order.");
        Dictionary<Guid, long>? quantities = null;
        if (request.Lines is { } lines)
        {
            quantities = [];
            foreach (var line in lines)
            {
                var valid = line is { ProductId: { } productId } && OrderPlacement.IsQuantity(line.Quantity)
                            && order.Lines.Any(l => l.ProductId == productId && l.CooperativeId == cooperativeId);
                errors.Require(valid, "lines", "Each line names one of this cooperative's products in the order and a positive quantity.");
                if (valid && !quantities.TryAdd(line.ProductId!.Value, SellableProduct.ToMilli(line.Quantity!.Value)))
                {
                    errors.Add("lines", "Each product appears on one line only.");
                }
            }

            errors.Require(lines.Count > 0, "lines", "Name at least one line, or leave lines out to ask for everything.");
        }

        errors.ThrowIfAny();
        var refund = order.AskForRefund(cooperativeId, quantities, reason, options.Value.RefundWindow, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created(OrdersApiPaths.Url(OrdersApiPaths.Order, orderId), refund.ToResponse(orderId));
    }
}
