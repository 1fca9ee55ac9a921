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

namespace RuralCommerce.Orders.Features.CentreQueue;

/// <param name="CashCollected">Cash on delivery: the yuan the operator took at the door, which must be the shipment's amount.</param>
internal sealed record DeliverRequest(decimal? CashCollected = null);

/// <summary>A logistics centre's operators work its queue: parcels received from sellers, dispatched, delivered.</summary>
internal static class CentreQueueEndpoints
{
    public static void MapCentreQueue(this IEndpointRouteBuilder group)
    {
        group.MapGet(OrdersApiPaths.CentreQueue, ListAsync)
            .RequireAuthorization()
            .WithName("ListCentreQueue")
            .WithSummary("The centre's shipments, oldest order first, by `status` (Shipped = on the way in, Received, Dispatched, Delivered).")
            .WithDescription("The centre's operators (and platform administrators); anyone else is 403. Each shipment has its lines and the full address.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
        Step(group.MapPost(OrdersApiPaths.ReceiveShipment, ReceiveAsync), "ReceiveShipment", "The parcel arrived at the centre (it must have shipped).");
        Step(group.MapPost(OrdersApiPaths.DispatchShipment, DispatchAsync), "DispatchShipment", "The parcel left the centre for the buyer (it must have been received).");
        Step(group.MapPost(OrdersApiPaths.DeliverShipment, DeliverAsync), "DeliverShipment",
                "The parcel reached the buyer (it must have been dispatched). Cash on delivery: `cashCollected` must be the shipment's amount, " +
                "and the order is paid once every shipment's cash is in. The order is delivered with its last shipment.")
            .ProducesValidationProblem();
    }

    private static RouteHandlerBuilder Step(RouteHandlerBuilder builder, string name, string summary) =>
        builder.RequireAuthorization()
            .WithName(name)
            .WithSummary(summary)
            .WithDescription("The centre's operators. A shipment of another centre is 404; a step out of order is 409.")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

    internal static async Task<Ok<PagedResult<ShipmentTaskResponse>>> ListAsync(
        Guid centreId, [OneOfNames(typeof(ShipmentStatus))] string? status, [Range(1, int.MaxValue)] int? page, [Range(1, PageRequest.MaxPageSize)] int? pageSize, ClaimsPrincipal caller, OrdersDbContext db, CancellationToken cancellationToken)
    {
        await RequireOperatorAsync(db, centreId, caller, cancellationToken);
        var errors = new ValidationErrors();
        var wanted = ShipmentWork.StatusFilter(status, errors);
        errors.ThrowIfAny();
        return TypedResults.Ok(await ShipmentWork.ListAsync(db, new ShipmentQueue(CentreId: centreId), wanted, PageRequest.From(page, pageSize), cancellationToken));
    }

    internal static Task<Ok<ShipmentTaskResponse>> ReceiveAsync(
        Guid centreId, Guid shipmentId, ClaimsPrincipal caller, OrdersDbContext db, TimeProvider clock, CancellationToken cancellationToken) =>
        ChangeAsync(db, centreId, shipmentId, caller, o => o.ReceiveAtCentre(shipmentId, clock.GetUtcNow()), cancellationToken);

    internal static Task<Ok<ShipmentTaskResponse>> DispatchAsync(
        Guid centreId, Guid shipmentId, ClaimsPrincipal caller, OrdersDbContext db, TimeProvider clock, CancellationToken cancellationToken) =>
        ChangeAsync(db, centreId, shipmentId, caller, o => o.DispatchFromCentre(shipmentId, clock.GetUtcNow()), cancellationToken);

    internal static Task<Ok<ShipmentTaskResponse>> DeliverAsync(
        Guid centreId, Guid shipmentId, DeliverRequest? request, ClaimsPrincipal caller, OrdersDbContext db, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var cash = request?.CashCollected;
        if (cash is not null)
        {
            var errors = new ValidationErrors();
            errors.RequireMoney(cash, "cashCollected");
            errors.ThrowIfAny();
        }

        return ChangeAsync(db, centreId, shipmentId, caller, o => o.Deliver(shipmentId, caller.AccountId(), cash, clock.GetUtcNow()), cancellationToken);
    }

    private static async Task<Ok<ShipmentTaskResponse>> ChangeAsync(
        OrdersDbContext db, Guid centreId, Guid shipmentId, ClaimsPrincipal caller, Action<Order> change, CancellationToken cancellationToken)
    {
        await RequireOperatorAsync(db, centreId, caller, cancellationToken);
        return TypedResults.Ok(await ShipmentWork.ChangeAsync(db, shipmentId, s => s.LogisticsCentreId == centreId, change, cancellationToken));
    }

    private static async Task RequireOperatorAsync(OrdersDbContext db, Guid centreId, ClaimsPrincipal caller, CancellationToken cancellationToken)
    {
        var centre = await db.LogisticsCentres.AsNoTracking().SingleOrDefaultAsync(c => c.Id == centreId, cancellationToken)
                     ?? throw new NotFoundException("LogisticsCentre", centreId);
        if (!centre.IsOperator(caller.AccountId()) && !caller.IsPlatformAdmin())
        {
            throw new ForbiddenException("Only the centre's operators work its queue.");
        }
    }
}
