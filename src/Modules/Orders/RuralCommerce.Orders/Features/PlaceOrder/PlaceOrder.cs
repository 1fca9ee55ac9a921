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
using RuralCommerce.Shared.Infrastructure.Security;
using RuralCommerce.Shared.Infrastructure.Web;
using RuralCommerce.SharedKernel;

namespace RuralCommerce.Orders.Features.PlaceOrder;

internal sealed record OrderLineRequest([property: Required] Guid? ProductId, [property: Required] decimal? Quantity);

internal sealed record DeliveryRequest(
    [property: Required, MaxLength(50)] string? Recipient,
    [property: Required, MaxLength(32), RegularExpression(ApiPatterns.Phone)] string? Phone,
    [property: Required, MaxLength(50)] string? Province,
    [property: Required, MaxLength(50)] string? County,
    [property: Required, MaxLength(50)] string? Township,
    [property: Required, MaxLength(50)] string? Village,
    [property: Required, MaxLength(200)] string? Detail);

/// <param name="PaymentMethod">WeChatPay, Alipay, BankTransfer or CashOnDelivery.</param>
internal sealed record PlaceOrderRequest(
    [property: Required, MinLength(1), MaxLength(PlaceOrderEndpoint.MaxLines)] IReadOnlyList<OrderLineRequest>? Lines,
    [property: Required] DeliveryRequest? Delivery,
    [property: Required] string? PaymentMethod);

/// <summary>A line that could not be met: how much was asked, how much can still be sold.</summary>
internal sealed record ShortLine(Guid ProductId, decimal Requested, decimal Available);

internal static class PlaceOrderEndpoint
{
    public const int MaxLines = 50;

    public static void MapPlaceOrder(this IEndpointRouteBuilder group) =>
        group.MapPost(OrdersApiPaths.Orders, HandleAsync)
            .RequireAuthorization()
            .WithIdempotency<OrdersDbContext>()
            .WithName("PlaceOrder")
            .WithSummary("A buyer places an order: every line's stock is reserved at once, or nothing is.")
            .WithDescription("Signed-in buyers. Prices come from the shop, never from the request. Quantities are in units of sale: whole for " +
                "counted units, to the gram for weighed ones. 409 `InsufficientStock` lists the short lines (`shortLines`: productId, requested, " +
                "available); 409 `ProductNotForSale` names products that are unknown or not listed. Send an Idempotency-Key: a retry returns the " +
                "same order and reserves nothing again.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict);

    internal static async Task<Created<OrderResponse>> HandleAsync(
        PlaceOrderRequest request, ClaimsPrincipal caller, OrdersDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var (wanted, delivery, method) = Validate(request);
        var ids = wanted.Keys.ToList();
        var products = await db.SellableProducts.AsNoTracking().Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, cancellationToken);
        var notForSale = ids.Where(id => !products.TryGetValue(id, out var p) || !p.Listed).ToList();
        if (notForSale.Count > 0)
        {
            throw new ConflictException("ProductNotForSale", "Some products are not for sale.", new Dictionary<string, object?> { ["productIds"] = notForSale });
        }

        var errors = new ValidationErrors();
        foreach (var (id, quantity) in wanted)
        {
            errors.Require(products[id].Suits(quantity), "lines", $"Product {id} is sold by the {products[id].Unit}: the quantity must be whole (or to the gram by weight).");
        }

        errors.ThrowIfAny();

        // Inside the idempotency filter's transaction when a key came, else our own: reservations and the order commit together.
        var own = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        await using (own)
        {
            var shortLines = new List<ShortLine>();
            foreach (var (id, quantity) in wanted.OrderBy(w => w.Key))
            {
                var milli = SellableProduct.ToMilli(quantity);
                // One conditional update: two buyers can never both take the last units.
                var reserved = await db.SellableProducts
                    .Where(p => p.Id == id && p.Listed && p.DeclaredMilli - p.ReservedMilli >= milli)
                    .ExecuteUpdateAsync(s => s.SetProperty(p => p.ReservedMilli, p => p.ReservedMilli + milli), cancellationToken);
                if (reserved == 0)
                {
                    shortLines.Add(new ShortLine(id, quantity, await AvailableAsync(db, id, cancellationToken)));
                }
            }

            if (shortLines.Count > 0)
            {
                throw new ConflictException("InsufficientStock", "Some lines cannot be met from the stock left.",
                    new Dictionary<string, object?> { ["shortLines"] = shortLines });
            }

            var lines = wanted.Select(w =>
            {
                var p = products[w.Key];
                return new OrderLine(p.Id, p.SellerId, p.CooperativeId, p.Name, p.Unit, SellableProduct.ToMilli(w.Value), p.ListPriceFen);
            }).ToList();
            var order = Order.Place(new OrderId(NewId.Next(clock)), caller.AccountId(), delivery, method, lines, clock.GetUtcNow());
            db.Orders.Add(order);
            await db.SaveChangesAsync(cancellationToken);
            if (own is not null)
            {
                await own.CommitAsync(cancellationToken);
            }

            return TypedResults.Created(OrdersApiPaths.Url(OrdersApiPaths.Order, order.Id.Value), order.ToResponse());
        }
    }

    private static async Task<decimal> AvailableAsync(OrdersDbContext db, Guid id, CancellationToken cancellationToken) =>
        await db.SellableProducts.AsNoTracking().Where(p => p.Id == id)
            .Select(p => (decimal?)(p.DeclaredMilli - p.ReservedMilli)).SingleOrDefaultAsync(cancellationToken) is { } milli
            ? Math.Max(0m, milli / SellableProduct.MilliPerUnit)
            : 0m;

    private static (Dictionary<Guid, decimal> Wanted, DeliveryAddress Delivery, PaymentMethod Method) Validate(PlaceOrderRequest request)
    {
        var errors = new ValidationErrors();
        var lines = request.Lines ?? [];
        errors.Require(lines.Count is > 0 and <= MaxLines, "lines", $"An order has 1 to {MaxLines} lines.");
        var wanted = new Dictionary<Guid, decimal>();
        foreach (var line in lines)
        {
            var valid = line.ProductId is not null && line.Quantity is > 0m and <= 100_000m && decimal.Round(line.Quantity.Value, 3) == line.Quantity;
            errors.Require(valid, "lines", "Each line names a product and a positive quantity (at most three decimals).");
            if (valid && !wanted.TryAdd(line.ProductId!.Value, line.Quantity!.Value))
            {
                errors.Add("lines", "Each product appears on one line only.");
            }
        }

        var d = request.Delivery;
        errors.Require(d is not null, "delivery", "delivery is required.");
        var recipient = errors.RequireText(d?.Recipient, "delivery.recipient", 50);
        var phone = errors.RequirePhone(d?.Phone, "delivery.phone");
        var province = errors.RequireText(d?.Province, "delivery.province", 50);
        var county = errors.RequireText(d?.County, "delivery.county", 50);
        var township = errors.RequireText(d?.Township, "delivery.township", 50);
        var village = errors.RequireText(d?.Village, "delivery.village", 50);
        var detail = errors.RequireText(d?.Detail, "delivery.detail", 200);
        var method = errors.RequireName<PaymentMethod>(request.PaymentMethod, "paymentMethod");
        errors.ThrowIfAny();
        return (wanted, new DeliveryAddress(recipient, phone, province, county, township, village, detail), method);
    }
}
