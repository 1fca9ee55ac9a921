using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using RuralCommerce.Orders.Domain.Buyers;
using RuralCommerce.Orders.Domain.Orders;
using RuralCommerce.Orders.Domain.Sellables;
using RuralCommerce.Orders.Features.Common;
using RuralCommerce.Orders.Persistence;
using RuralCommerce.Shared.Infrastructure.Idempotency;
using RuralCommerce.Shared.Infrastructure.Security;
using RuralCommerce.Shared.Infrastructure.Web;
using RuralCommerce.SharedKernel;

namespace RuralCommerce.Orders.Features.Cart;

internal sealed record CartQuantityRequest([property: Required] decimal? Quantity);

/// <param name="Available">What can still be bought now; the cart reserves nothing.</param>
/// <param name="ForSale">False once the product is delisted: checkout refuses it until it is removed.</param>
internal sealed record CartLineResponse(
    Guid ProductId, string ProductName, string Unit, decimal Quantity, decimal UnitPrice, decimal LineTotal, decimal Available, bool ForSale);

/// <summary>The cart at today's shop prices.</summary>
internal sealed record CartResponse(IReadOnlyList<CartLineResponse> Lines, decimal Total);

/// <summary>What a checkout placed: one order per cooperative (each is paid to its cooperative, one after another), and their sum.</summary>
internal sealed record CheckoutResponse(IReadOnlyList<OrderResponse> Orders, decimal Total);

/// <param name="PaymentMethod">WeChatPay, Alipay, BankTransfer or CashOnDelivery.</param>
internal sealed record CheckoutRequest(DeliveryRequest? Delivery, [property: Required, OneOfNames(typeof(PaymentMethod), Except = [nameof(Domain.Orders.PaymentMethod.PaidOnPlatform)])] string? PaymentMethod, Guid? AddressId = null, Guid? LivestreamId = null);

internal static class CartEndpoints
{
    public static void MapCart(this IEndpointRouteBuilder group)
    {
        group.MapGet(OrdersApiPaths.Cart, GetAsync).RequireAuthorization().WithName("GetCart")
            .WithSummary("The caller's cart at today's shop prices, with what is still available.").WithDescription("Signed-in buyers.");
        group.MapPut(OrdersApiPaths.CartLine, SetAsync).RequireAuthorization().WithName("SetCartLine")
            .WithSummary("Puts a product in the cart, or changes its quantity.")
            .WithDescription($"At most {CartLine.MaxLines} products. 409 `ProductNotForSale` for an unknown or unlisted product; the cart " +
                "reserves nothing — checkout does.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);
        group.MapDelete(OrdersApiPaths.CartLine, RemoveAsync).RequireAuthorization().WithName("RemoveCartLine")
            .WithSummary("Takes a product out of the cart.").WithDescription("Removing what is not there changes nothing.");
        group.MapPost(OrdersApiPaths.Checkout, CheckoutAsync).RequireAuthorization().RequireRateLimiting(OrdersRateLimits.Placement)
            .WithIdempotency<OrdersDbContext>().WithName("CheckoutCart")
            .WithSummary("Places everything in the cart as one order per cooperative, and empties the cart.")
            .WithDescription("As placing an order (same 409s), with the cart's lines, split by cooperative: each order is paid to its own " +
                "cooperative, so a buyer pays them one after another. 409 `CartEmpty` for an empty cart. Every order and the emptied cart " +
                "commit together (all or none). Send an Idempotency-Key: a retry answers with the same orders. Queued with the other " +
                "placements (429 when the queue is full).")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status429TooManyRequests);
    }

    internal static async Task<Ok<CartResponse>> GetAsync(ClaimsPrincipal caller, OrdersDbContext db, CancellationToken cancellationToken) =>
        TypedResults.Ok(await ReadAsync(db, caller.AccountId(), cancellationToken));

    internal static async Task<Ok<CartResponse>> SetAsync(
        Guid productId, CartQuantityRequest request, ClaimsPrincipal caller, OrdersDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var buyer = caller.AccountId();
        var errors = new ValidationErrors();
        errors.Require(OrderPlacement.IsQuantity(request.Quantity), "quantity", "A positive quantity (at most three decimals).");
        errors.ThrowIfAny();
        var product = await db.SellableProducts.AsNoTracking().SingleOrDefaultAsync(p => p.Id == productId && p.Listed, cancellationToken)
            ?? throw new ConflictException("ProductNotForSale", "This product is not for sale.", new Dictionary<string, object?> { ["productIds"] = new[] { productId } });
        errors.Require(product.Suits(request.Quantity!.Value), "quantity", $"Sold by the {product.Unit}: whole units (or to the gram by weight).");
        errors.ThrowIfAny();

        var milli = SellableProduct.ToMilli(request.Quantity.Value);
        var line = await db.CartLines.SingleOrDefaultAsync(l => l.AccountId == buyer && l.ProductId == productId, cancellationToken);
        if (line is null)
        {
            if (await db.CartLines.CountAsync(l => l.AccountId == buyer, cancellationToken) >= CartLine.MaxLines)
            {
                throw new ConflictException("CartFull", $"A cart holds at most {CartLine.MaxLines} products.");
            }

            db.CartLines.Add(CartLine.Add(buyer, productId, milli, clock.GetUtcNow()));
        }
        else
        {
            line.SetQuantity(milli);
        }

        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(await ReadAsync(db, buyer, cancellationToken));
    }

    internal static async Task<Ok<CartResponse>> RemoveAsync(Guid productId, ClaimsPrincipal caller, OrdersDbContext db, CancellationToken cancellationToken)
    {
        var buyer = caller.AccountId();
        await db.CartLines.Where(l => l.AccountId == buyer && l.ProductId == productId).ExecuteDeleteAsync(cancellationToken);
        return TypedResults.Ok(await ReadAsync(db, buyer, cancellationToken));
    }

    internal static async Task<Created<CheckoutResponse>> CheckoutAsync(
        CheckoutRequest request, ClaimsPrincipal caller, OrdersDbContext db, OfferedPaymentMethods offered, TimeProvider clock, CancellationToken cancellationToken)
    {
        var buyer = caller.AccountId();
        var errors = new ValidationErrors();
        var method = OrderPlacement.RequirePaymentMethod(errors, request.PaymentMethod, offered);
        var delivery = await DeliveryChoice.ResolveAsync(db, buyer, request.Delivery, request.AddressId, errors, cancellationToken);
        errors.ThrowIfAny();

        var lines = await db.CartLines.Where(l => l.AccountId == buyer).ToListAsync(cancellationToken);
        if (lines.Count == 0)
        {
            throw new ConflictException("CartEmpty", "The cart is empty.");
        }

        // Two tabs checking out one cart: the second one's removal finds the lines gone and its order rolls back (409).
        var wanted = lines.OrderBy(l => l.AddedAt).ToDictionary(l => l.ProductId, l => l.QuantityMilli / (decimal)SellableProduct.MilliPerUnit);
        var orders = await OrderPlacement.PlaceAsync(
            db, clock, buyer, wanted, delivery!, method, request.LivestreamId, oneCooperative: false, cancellationToken, () => db.CartLines.RemoveRange(lines));
        var placed = orders.Select(o => o.ToResponse()).ToList();
        return TypedResults.Created(OrdersApiPaths.Url(OrdersApiPaths.Mine), new CheckoutResponse(placed, placed.Sum(o => o.Total)));
    }

    internal static async Task<CartResponse> ReadAsync(OrdersDbContext db, Guid buyer, CancellationToken cancellationToken)
    {
        var lines = await db.CartLines.AsNoTracking().Where(l => l.AccountId == buyer)
            .Join(db.SellableProducts, l => l.ProductId, p => p.Id, (l, p) => new { l.QuantityMilli, l.AddedAt, Product = p })
            .ToListAsync(cancellationToken);
        var items = lines.OrderBy(l => l.AddedAt).Select(l =>
        {
            var line = new OrderLine(l.Product.Id, l.Product.SellerId, l.Product.CooperativeId, l.Product.Name, l.Product.Unit, l.QuantityMilli, l.Product.ListPriceFen, false);
            return new CartLineResponse(
                line.ProductId, line.ProductName, line.Unit, line.Quantity, line.UnitPriceFen / 100m, line.LineTotalFen / 100m,
                Math.Max(0m, l.Product.Available), l.Product.Listed);
        }).ToList();
        return new CartResponse(items, items.Sum(i => i.LineTotal));
    }
}
