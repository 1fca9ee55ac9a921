using System.ComponentModel.DataAnnotations;
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
using RuralCommerce.Shared.Infrastructure.Web;
using RuralCommerce.SharedKernel;

namespace RuralCommerce.Orders.Features.GetOrder;

internal static class GetOrderEndpoints
{
    public static void MapGetOrder(this IEndpointRouteBuilder group)
    {
        group.MapGet(OrdersApiPaths.Order, GetAsync)
            .RequireAuthorization()
            .WithName("GetOrder")
            .WithSummary("One of the caller's orders with its lines, delivery address and history.")
            .WithDescription("Only its buyer: another buyer's order is 404.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet(OrdersApiPaths.Mine, MineAsync)
            .RequireAuthorization()
            .WithName("MyOrders")
            .WithSummary("The caller's orders, newest first, paged; delivery addresses masked.")
            .WithDescription("Signed-in buyers.")
            .ProducesValidationProblem();
    }

    internal static async Task<Ok<OrderResponse>> GetAsync(Guid orderId, ClaimsPrincipal caller, OrdersDbContext db, CancellationToken cancellationToken)
    {
        var buyer = caller.AccountId();
        var order = await db.Orders.AsNoTracking().BuyersOrderAsync(orderId, buyer, cancellationToken);
        return TypedResults.Ok(order.ToResponse());
    }

    internal static async Task<Ok<PagedResult<OrderResponse>>> MineAsync(
        [Range(1, int.MaxValue)] int? page, [Range(1, PageRequest.MaxPageSize)] int? pageSize, ClaimsPrincipal caller, OrdersDbContext db, CancellationToken cancellationToken)
    {
        var paging = PageRequest.From(page, pageSize);
        var buyer = caller.AccountId();
        var query = db.Orders.Where(o => o.BuyerAccountId == buyer);
        var total = await query.CountAsync(cancellationToken);
        var orders = await query.WholeOrders().AsNoTracking()
            .OrderByDescending(o => o.PlacedAt).ThenBy(o => o.Id).Skip(paging.Skip).Take(paging.PageSize).ToListAsync(cancellationToken);
        return TypedResults.Ok(new PagedResult<OrderResponse>(orders.Select(o => o.ToResponse(masked: true)).ToList(), paging.Page, paging.PageSize, total));
    }
}
