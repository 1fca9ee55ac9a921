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

namespace RuralCommerce.Orders.Features.SellerShipments;

/// <param name="LogisticsCentreId">The centre the parcel goes to; by default the centre of the cooperative's county.</param>
internal sealed record ShipRequest(string? Carrier, string? TrackingNumber, Guid? LogisticsCentreId = null);

/// <summary>A seller's packing list: their part of each order, packed and handed to the carrier for the county's centre.</summary>
internal static class SellerShipmentsEndpoints
{
    public static void MapSellerShipments(this IEndpointRouteBuilder group)
    {
        group.MapGet(OrdersApiPaths.SellerShipments, ListAsync)
            .RequireAuthorization(AuthorizationPolicies.CooperativeSeller)
            .WithName("ListSellerShipments")
            .WithSummary("The caller's shipments in this cooperative, oldest order first: the packing list.")
            .WithDescription("Sellers of the cooperative. `status`: ToPack, Packed, Shipped, Received, Dispatched, Delivered. Each shipment " +
                "has the seller's lines of the order and the full delivery address for the label. Only orders that can ship are listed: " +
                "paid ones, and cash on delivery at once; an unpaid or cancelled order is not.")
            .ProducesValidationProblem();
        group.MapPost(OrdersApiPaths.PackShipment, PackAsync)
            .RequireAuthorization(AuthorizationPolicies.CooperativeSeller)
            .WithName("PackShipment")
            .WithSummary("The seller has packed their part of the order.")
            .WithDescription("Only once the order is paid, or at once for cash on delivery: an unpaid order is 409 " +
                "`AnOrderShipsOnlyOncePaidRule`, a cancelled one 409 `ACancelledOrderDoesNotShipRule`. Another seller's shipment is 404.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost(OrdersApiPaths.ShipShipment, ShipAsync)
            .RequireAuthorization(AuthorizationPolicies.CooperativeSeller)
            .WithName("ShipShipment")
            .WithSummary("The seller hands the packed parcel to a carrier for the logistics centre, with its tracking number.")
            .WithDescription("The centre is the one of the cooperative's county unless `logisticsCentreId` names another; a county " +
                "without a centre is 409 `NoLogisticsCentre`. Shipping before packing is 409. Publishes ShipmentShipped.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
    }

    internal static async Task<Ok<PagedResult<ShipmentTaskResponse>>> ListAsync(
        Guid cooperativeId, [OneOfNames(typeof(ShipmentStatus))] string? status, [Range(1, int.MaxValue)] int? page, [Range(1, PageRequest.MaxPageSize)] int? pageSize, ClaimsPrincipal caller, OrdersDbContext db, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var wanted = ShipmentWork.StatusFilter(status, errors);
        errors.ThrowIfAny();
        var seller = caller.MembershipIn(cooperativeId)!.MemberId;
        return TypedResults.Ok(await ShipmentWork.ListAsync(
            db, new ShipmentQueue(CooperativeId: cooperativeId, SellerId: seller), wanted, PageRequest.From(page, pageSize), cancellationToken));
    }

    internal static async Task<Ok<ShipmentTaskResponse>> PackAsync(
        Guid cooperativeId, Guid shipmentId, ClaimsPrincipal caller, OrdersDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var seller = caller.MembershipIn(cooperativeId)!.MemberId;
        return TypedResults.Ok(await ShipmentWork.ChangeAsync(
            db, shipmentId, s => s.CooperativeId == cooperativeId && s.SellerId == seller, o => o.Pack(shipmentId, clock.GetUtcNow()), cancellationToken));
    }

    internal static async Task<Ok<ShipmentTaskResponse>> ShipAsync(
        Guid cooperativeId, Guid shipmentId, ShipRequest request, ClaimsPrincipal caller, OrdersDbContext db, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var carrier = errors.RequireText(request.Carrier, "carrier", 50);
        var tracking = errors.RequireText(request.TrackingNumber, "trackingNumber", 50);
        var centreId = request.LogisticsCentreId;
        if (centreId is { } named && !await db.LogisticsCentres.AnyAsync(c => c.Id == named, cancellationToken))
        {
            errors.Add("logisticsCentreId", "There is no logistics centre with this id.");
        }

        errors.ThrowIfAny();
        centreId ??= await CountyCentreAsync(db, cooperativeId, cancellationToken);
        var seller = caller.MembershipIn(cooperativeId)!.MemberId;
        return TypedResults.Ok(await ShipmentWork.ChangeAsync(
            db, shipmentId, s => s.CooperativeId == cooperativeId && s.SellerId == seller,
            o => o.Ship(shipmentId, centreId.Value, carrier, tracking, clock.GetUtcNow()), cancellationToken));
    }

    private static async Task<Guid> CountyCentreAsync(OrdersDbContext db, Guid cooperativeId, CancellationToken cancellationToken)
    {
        var centre = await db.CooperativeLocations.Where(l => l.CooperativeId == cooperativeId)
            .Join(db.LogisticsCentres, l => new { l.Province, l.County }, c => new { c.Province, c.County }, (l, c) => (Guid?)c.Id)
            .SingleOrDefaultAsync(cancellationToken);
        return centre ?? throw new ConflictException(
            "NoLogisticsCentre", "The cooperative's county has no logistics centre yet: name one with logisticsCentreId.");
    }
}
