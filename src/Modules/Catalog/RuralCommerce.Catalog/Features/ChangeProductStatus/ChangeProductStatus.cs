using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using RuralCommerce.Catalog.Domain.Products;
using RuralCommerce.Catalog.Features.Common;
using RuralCommerce.Catalog.Persistence;
using RuralCommerce.Shared.Infrastructure.Security;

namespace RuralCommerce.Catalog.Features.ChangeProductStatus;

internal static class ChangeProductStatusEndpoints
{
    public static void MapChangeProductStatus(this IEndpointRouteBuilder group)
    {
        group.MapPost(CatalogApiPaths.ListProduct, ListAsync)
            .RequireAuthorization(AuthorizationPolicies.CooperativeSeller)
            .WithName("ListProduct")
            .WithSummary("The seller puts a draft or delisted product in the shop.")
            .WithDescription("Only the product's own seller, while an active seller of an active cooperative (else 409). Already listed: 409.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost(CatalogApiPaths.DelistProduct, DelistAsync)
            .RequireAuthorization(AuthorizationPolicies.CooperativeMember)
            .WithName("DelistProduct")
            .WithSummary("The seller, or an administrator of the cooperative, takes a listed product out of the shop.")
            .WithDescription("Another seller's product is 404. A product that is not listed: 409.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
    }

    internal static async Task<Ok<ProductResponse>> ListAsync(
        Guid cooperativeId, Guid productId, ClaimsPrincipal caller, CatalogDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var cooperative = await db.FindCooperativeAsync(cooperativeId, cancellationToken);
        var product = await db.FindOwnProductAsync(caller, cooperativeId, productId, cancellationToken);
        var seller = await db.FindCallerAsync(caller, cooperativeId, cancellationToken);
        product.List(cooperative, seller, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(product.ToResponse());
    }

    internal static async Task<Ok<ProductResponse>> DelistAsync(
        Guid cooperativeId, Guid productId, ClaimsPrincipal caller, CatalogDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var product = await db.FindVisibleProductAsync(caller, cooperativeId, productId, cancellationToken);
        var reason = product.SellerId == caller.MembershipIn(cooperativeId)?.MemberId ? DelistReason.BySeller : DelistReason.ByAdministrator;
        product.Delist(reason, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(product.ToResponse());
    }
}
