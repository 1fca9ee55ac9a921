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

namespace RuralCommerce.Orders.Features.RefundDecisions;

internal sealed record RefundDecisionRequest(string? Note = null);

/// <summary>A cooperative's administrators decide its refund requests; its sellers record goods that came back.</summary>
internal static class RefundDecisionsEndpoints
{
    public static void MapRefundDecisions(this IEndpointRouteBuilder group)
    {
        group.MapGet(OrdersApiPaths.CooperativeRefunds, ListAsync)
            .RequireAuthorization(AuthorizationPolicies.CooperativeAdmin)
            .WithName("ListRefundRequests")
            .WithSummary("The cooperative's refund requests, oldest first, by `status` (Requested, Approved, Rejected).")
            .WithDescription("Cooperative administrators.")
            .ProducesValidationProblem();
        group.MapPost(OrdersApiPaths.ApproveRefund, ApproveAsync)
            .RequireAuthorization(AuthorizationPolicies.CooperativeAdmin)
            .WithName("ApproveRefund")
            .WithSummary("Approves a refund request: the money is owed back and sent to the payment provider by the housekeeping job.")
            .WithDescription("Cooperative administrators. Goods not yet delivered go back on sale at once; delivered goods when their seller " +
                "records the return. A request already decided is 409. Publishes OrderRefunded with each seller's share (debited by Income " +
                "Tracking when the order had completed; otherwise the completion credits the sellers net of it).")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost(OrdersApiPaths.RejectRefund, RejectAsync)
            .RequireAuthorization(AuthorizationPolicies.CooperativeAdmin)
            .WithName("RejectRefund")
            .WithSummary("Rejects a refund request, with a note for the buyer.")
            .WithDescription("Cooperative administrators. A request already decided is 409.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        group.MapGet(OrdersApiPaths.AwaitedReturns, AwaitedReturnsAsync)
            .RequireAuthorization(AuthorizationPolicies.CooperativeSeller)
            .WithName("ListAwaitedReturns")
            .WithSummary("The caller's delivered goods of approved refunds that have not come back yet, oldest first.")
            .WithDescription("Sellers of the cooperative. Each request shows only the caller's lines; record each one's return when it arrives.");
        group.MapPost(OrdersApiPaths.RecordReturn, RecordReturnAsync)
            .RequireAuthorization(AuthorizationPolicies.CooperativeSeller)
            .WithName("RecordReturn")
            .WithSummary("The seller got back the delivered goods of an approved refund: they go back on sale.")
            .WithDescription("The seller of that product. Only delivered goods of an approved request, once (else 409); another seller's line is 404.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
    }

    internal static async Task<Ok<PagedResult<RefundRequestResponse>>> ListAsync(
        Guid cooperativeId, [OneOfNames(typeof(RefundRequestStatus))] string? status, [Range(1, int.MaxValue)] int? page, [Range(1, PageRequest.MaxPageSize)] int? pageSize, OrdersDbContext db, CancellationToken cancellationToken)
    {
        var paging = PageRequest.From(page, pageSize);
        var errors = new ValidationErrors();
        RefundRequestStatus? wanted = status is null ? null : errors.RequireName<RefundRequestStatus>(status, "status");
        errors.ThrowIfAny();
        var rows = db.Orders.SelectMany(o => o.RefundRequests, (o, r) => new { OrderId = o.Id, Request = r })
            .Where(x => x.Request.CooperativeId == cooperativeId);
        rows = wanted is { } s ? rows.Where(x => x.Request.Status == s) : rows;
        var total = await rows.CountAsync(cancellationToken);
        var items = await rows.OrderBy(x => x.Request.RequestedAt).ThenBy(x => x.Request.Id).Skip(paging.Skip).Take(paging.PageSize)
            .AsNoTracking().ToListAsync(cancellationToken);
        return TypedResults.Ok(new PagedResult<RefundRequestResponse>(
            items.Select(x => x.Request.ToResponse(x.OrderId.Value)).ToList(), paging.Page, paging.PageSize, total));
    }

    internal static async Task<Ok<List<RefundRequestResponse>>> AwaitedReturnsAsync(
        Guid cooperativeId, ClaimsPrincipal caller, OrdersDbContext db, CancellationToken cancellationToken)
    {
        var seller = caller.MembershipIn(cooperativeId)!.MemberId;
        var awaited = await db.Orders.SelectMany(o => o.RefundRequests, (o, r) => new { OrderId = o.Id, Request = r })
            .Where(x => x.Request.CooperativeId == cooperativeId && x.Request.Status == RefundRequestStatus.Approved
                        && x.Request.Lines.Any(l => l.SellerId == seller && l.Delivered && l.ReturnedAt == null))
            .OrderBy(x => x.Request.DecidedAt).Take(200).AsNoTracking().ToListAsync(cancellationToken);
        return TypedResults.Ok(awaited.Select(x =>
        {
            var response = x.Request.ToResponse(x.OrderId.Value);
            return response with { Lines = [.. response.Lines.Where(l => l.SellerId == seller && l.Delivered && l.ReturnedAt is null)] };
        }).ToList());
    }

    internal static Task<Ok<RefundRequestResponse>> ApproveAsync(
        Guid cooperativeId, Guid requestId, RefundDecisionRequest? request, ClaimsPrincipal caller, OrdersDbContext db, TimeProvider clock,
        CancellationToken cancellationToken) =>
        ChangeAsync(db, cooperativeId, requestId, async order =>
        {
            var decided = order.DecideRefund(requestId, approve: true, caller.AccountId(), request?.Note?.Trim(), clock.GetUtcNow());
            foreach (var line in decided.Lines.Where(l => !l.Delivered))
            {
                await OrderPlacement.ReleaseAsync(db, line.ProductId, line.QuantityMilli, cancellationToken);
            }
        }, cancellationToken);

    internal static Task<Ok<RefundRequestResponse>> RejectAsync(
        Guid cooperativeId, Guid requestId, RefundDecisionRequest request, ClaimsPrincipal caller, OrdersDbContext db, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var note = errors.RequireText(request.Note, "note", 500);
        errors.ThrowIfAny();
        return ChangeAsync(db, cooperativeId, requestId, order =>
        {
            order.DecideRefund(requestId, approve: false, caller.AccountId(), note, clock.GetUtcNow());
            return Task.CompletedTask;
        }, cancellationToken);
    }

    internal static async Task<Ok<RefundRequestResponse>> RecordReturnAsync(
        Guid cooperativeId, Guid requestId, Guid productId, ClaimsPrincipal caller, OrdersDbContext db, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var seller = caller.MembershipIn(cooperativeId)!.MemberId;
        return await ChangeAsync(db, cooperativeId, requestId, async order =>
        {
            var line = order.RefundRequests.Single(r => r.Id == requestId).Lines.SingleOrDefault(l => l.ProductId == productId && l.SellerId == seller)
                       ?? throw new NotFoundException("RefundRequestLine", productId);
            order.RecordReturn(requestId, productId, clock.GetUtcNow());
            await OrderPlacement.ReleaseAsync(db, productId, line.QuantityMilli, cancellationToken);
        }, cancellationToken);
    }

    /// <summary>
    /// Loads the order holding one of the cooperative's requests (404 otherwise), applies the change with its stock
    /// effects, and commits both; the order's version makes a second, simultaneous decision 409 and rolls its stock back.
    /// </summary>
    private static async Task<Ok<RefundRequestResponse>> ChangeAsync(
        OrdersDbContext db, Guid cooperativeId, Guid requestId, Func<Order, Task> change, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var order = await db.Orders.WholeOrders()
            .SingleOrDefaultAsync(o => o.RefundRequests.Any(r => r.Id == requestId && r.CooperativeId == cooperativeId), cancellationToken)
            ?? throw new NotFoundException("RefundRequest", requestId);
        await change(order);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return TypedResults.Ok(order.RefundRequests.Single(r => r.Id == requestId).ToResponse(order.Id.Value));
    }
}
