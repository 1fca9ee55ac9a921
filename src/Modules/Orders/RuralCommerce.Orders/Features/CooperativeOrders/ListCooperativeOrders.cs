using System.ComponentModel.DataAnnotations;
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

namespace RuralCommerce.Orders.Features.CooperativeOrders;

/// <summary>An order as a cooperative sees it: only its own lines and their total; the address masked.</summary>
internal sealed record CooperativeOrderResponse(
    Guid OrderId, string Status, string Channel, Guid? LivestreamId, string PaymentMethod, IReadOnlyList<OrderLineResponse> Lines,
    decimal CooperativeTotal, DeliveryResponse Delivery, DateTimeOffset PlacedAt, DateTimeOffset? PaidAt);

/// <summary>Filters of the cooperative's order list; dates are China calendar days, both ends included.</summary>
internal sealed record CooperativeOrderFilter(
    [property: OneOfNames(typeof(OrderStatus))] string? Status,
    [property: OneOfNames(typeof(SalesChannel))] string? Channel,
    Guid? LivestreamId,
    DateOnly? From,
    DateOnly? To);

internal static class ListCooperativeOrdersEndpoint
{
    public static void MapListCooperativeOrders(this IEndpointRouteBuilder group) =>
        group.MapGet(OrdersApiPaths.CooperativeOrders, HandleAsync)
            .RequireAuthorization(AuthorizationPolicies.CooperativeAdmin)
            .WithName("ListCooperativeOrders")
            .WithSummary("The cooperative's orders (those with at least one of its products), newest first, paged.")
            .WithDescription("Cooperative administrators. Filters: `status` (Placed, Confirmed, Paid, Cancelled), `channel` (Shop, Livestream), " +
                "`livestreamId`, `from` and `to` (China dates, inclusive). Each order shows only this cooperative's lines; the delivery " +
                "address is masked.")
            .ProducesValidationProblem();

    internal static async Task<Ok<PagedResult<CooperativeOrderResponse>>> HandleAsync(
        Guid cooperativeId, [AsParameters] CooperativeOrderFilter filter, [Range(1, int.MaxValue)] int? page, [Range(1, PageRequest.MaxPageSize)] int? pageSize, OrdersDbContext db,
        CancellationToken cancellationToken)
    {
        var paging = PageRequest.From(page, pageSize);
        var errors = new ValidationErrors();
        OrderStatus? status = filter.Status is null ? null : errors.RequireName<OrderStatus>(filter.Status, "status");
        SalesChannel? channel = filter.Channel is null ? null : errors.RequireName<SalesChannel>(filter.Channel, "channel");
        errors.RequirePlausibleDay(filter.From, "from");
        errors.RequirePlausibleDay(filter.To, "to");
        errors.Require(filter.From is null || filter.To is null || filter.From <= filter.To, "to", "to is on or after from.");
        errors.ThrowIfAny();

        var query = db.Orders.Where(o => o.Lines.Any(l => l.CooperativeId == cooperativeId));
        query = status is { } s ? query.Where(o => o.Status == s) : query;
        query = channel is { } c ? query.Where(o => o.Channel == c) : query;
        query = filter.LivestreamId is { } eventId ? query.Where(o => o.LivestreamId == eventId) : query;
        if (filter.From is { } from)
        {
            var start = ChinaTime.StartOf(from);
            query = query.Where(o => o.PlacedAt >= start);
        }

        if (filter.To is { } to)
        {
            var end = ChinaTime.StartOf(to.AddDays(1));
            query = query.Where(o => o.PlacedAt < end);
        }

        var total = await query.CountAsync(cancellationToken);
        var orders = await query.Include(o => o.Lines).AsNoTracking()
            .OrderByDescending(o => o.PlacedAt).ThenBy(o => o.Id).Skip(paging.Skip).Take(paging.PageSize).ToListAsync(cancellationToken);
        var items = orders.Select(o =>
        {
            var lines = o.Lines.Where(l => l.CooperativeId == cooperativeId).ToList();
            var full = o.ToResponse(masked: true);
            return new CooperativeOrderResponse(
                o.Id.Value, full.Status, full.Channel, o.LivestreamId, full.PaymentMethod,
                full.Lines.Where(l => l.CooperativeId == cooperativeId).ToList(), Money.FromFen(lines.Sum(l => l.LineTotalFen)).Amount,
                full.Delivery, o.PlacedAt, o.PaidAt);
        }).ToList();
        return TypedResults.Ok(new PagedResult<CooperativeOrderResponse>(items, paging.Page, paging.PageSize, total));
    }
}
