using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using RuralCommerce.Catalog.Domain.Products;
using RuralCommerce.Catalog.Features.Common;
using RuralCommerce.Catalog.Persistence;
using RuralCommerce.Shared.Infrastructure.Security;
using RuralCommerce.Shared.Infrastructure.Web;
using RuralCommerce.SharedKernel;

namespace RuralCommerce.Catalog.Features.FeatureProducts;

/// <param name="LivestreamPrice">Yuan, at most the list price; null sells at the list price.</param>
/// <param name="QuantityCap">Most that may sell in this event, in units of sale; null for no cap.</param>
internal sealed record FeatureProductRequest(decimal? LivestreamPrice, decimal? QuantityCap);

internal sealed record PinProductRequest([property: Required] Guid? ProductId);

internal static class FeatureProductsEndpoints
{
    public static void MapFeatureProducts(this IEndpointRouteBuilder group)
    {
        group.MapPut(CatalogApiPaths.FeaturedProduct, FeatureAsync)
            .RequireAuthorization(AuthorizationPolicies.CooperativeMember)
            .WithName("FeatureProduct")
            .WithSummary("The host puts a listed product of the cooperative on the event's shelf, or changes its livestream price and cap.")
            .WithDescription("The event's host or an administrator; before or during the event. Another cooperative's product, a product " +
                "that is not listed, or a livestream price above the list price: 409.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        group.MapDelete(CatalogApiPaths.FeaturedProduct, UnfeatureAsync)
            .RequireAuthorization(AuthorizationPolicies.CooperativeMember)
            .WithName("UnfeatureProduct")
            .WithSummary("The host takes a product off the event's shelf (unpinning it if pinned).")
            .WithDescription("The event's host or an administrator; before or during the event.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPut(CatalogApiPaths.PinnedProduct, PinAsync)
            .RequireAuthorization(AuthorizationPolicies.CooperativeMember)
            .WithName("PinProduct")
            .WithSummary("With one tap during the live event, the host pins the featured product being shown.")
            .WithDescription("The event's host or an administrator; only while live, only a featured product (409).")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
    }

    internal static async Task<Ok<LivestreamResponse>> FeatureAsync(
        Guid cooperativeId, Guid eventId, Guid productId, FeatureProductRequest request, ClaimsPrincipal caller, CatalogDbContext db,
        TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        Money? price = request.LivestreamPrice is null ? null : errors.RequireMoney(request.LivestreamPrice, "livestreamPrice");
        errors.ThrowIfAny();
        var livestream = await db.FindRunnableEventAsync(caller, cooperativeId, eventId, cancellationToken);
        var product = await db.Products.SingleOrDefaultAsync(p => p.Id == new ProductId(productId), cancellationToken)
            ?? throw new NotFoundException("Product", productId);
        livestream.Feature(product, price, request.QuantityCap, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(await livestream.ToResponseAsync(db, cancellationToken));
    }

    internal static async Task<Ok<LivestreamResponse>> UnfeatureAsync(
        Guid cooperativeId, Guid eventId, Guid productId, ClaimsPrincipal caller, CatalogDbContext db, CancellationToken cancellationToken)
    {
        var livestream = await db.FindRunnableEventAsync(caller, cooperativeId, eventId, cancellationToken);
        livestream.Unfeature(new ProductId(productId));
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(await livestream.ToResponseAsync(db, cancellationToken));
    }

    internal static async Task<Ok<LivestreamResponse>> PinAsync(
        Guid cooperativeId, Guid eventId, PinProductRequest request, ClaimsPrincipal caller, CatalogDbContext db, CancellationToken cancellationToken)
    {
        if (request.ProductId is null)
        {
            throw new RequestValidationException("productId", "productId is required.");
        }

        var livestream = await db.FindRunnableEventAsync(caller, cooperativeId, eventId, cancellationToken);
        livestream.Pin(new ProductId(request.ProductId.Value));
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(await livestream.ToResponseAsync(db, cancellationToken));
    }
}
