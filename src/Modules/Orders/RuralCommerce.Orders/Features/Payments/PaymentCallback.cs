using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using RuralCommerce.Orders.Domain.Orders;
using RuralCommerce.Orders.Features.Common;
using RuralCommerce.Orders.Persistence;
using RuralCommerce.Shared.Infrastructure.Web;
using RuralCommerce.SharedKernel;

namespace RuralCommerce.Orders.Features.Payments;

/// <summary>What the provider says it took: for which order, its own transaction id, and the amount in fen.</summary>
internal sealed record PaymentNotice(
    [property: Required] Guid? OrderId,
    [property: Required, MaxLength(64)] string? TransactionId,
    [property: Required, Range(typeof(long), "1", "9223372036854775807")] long? AmountFen);

/// <param name="Outcome">Paid, AlreadyRecorded (a repeated callback), or RefundDue (the order was cancelled or already paid).</param>
internal sealed record PaymentNoticeResponse(Guid OrderId, string Outcome, string OrderStatus);

internal static class PaymentCallbackEndpoint
{
    private const int MaxBodyBytes = 16 * 1024;

    public static void MapPaymentCallback(this IEndpointRouteBuilder group) =>
        group.MapPost(OrdersApiPaths.PaymentCallback, HandleAsync)
            .AllowAnonymous()
            .Accepts<PaymentNotice>("application/json")
            .WithName("PaymentCallback")
            .WithSummary("The development payment gateway reports money it took for an order (server to server, signed; Development only).")
            .WithDescription("Exists in Development only: elsewhere this path is 404. " +
                $"The body is signed with HMAC-SHA256 in the `{DevelopmentPaymentGateway.SignatureHeader}` header (lowercase hex); " +
                "a missing or wrong signature is 401 and changes nothing. A wrong amount is 409 `APaymentCoversTheWholeOrderRule`. The same " +
                "transaction twice is recorded once (`AlreadyRecorded`); money for a cancelled or already-paid order is kept and becomes a " +
                "refund (`RefundDue`) — an order is never revived or paid twice.")
            .WithMetadata(new RequestHeaderMetadata(DevelopmentPaymentGateway.SignatureHeader,
                "HMAC-SHA256 of the raw body with the gateway's secret, in lowercase hex (64 characters); missing or wrong is 401."))
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

    internal static async Task<Ok<PaymentNoticeResponse>> HandleAsync(
        HttpRequest request, DevelopmentPaymentGateway gateway, OrdersDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var body = await ReadBodyAsync(request, cancellationToken);
        if (!gateway.IsAuthentic(body, request.Headers[DevelopmentPaymentGateway.SignatureHeader].FirstOrDefault()))
        {
            throw new AuthenticationFailedException("The payment notice's signature is missing or wrong.");
        }

        var notice = Parse(body);
        return TypedResults.Ok(await RecordAsync(db, clock, notice.OrderId!.Value, notice.TransactionId!, notice.AmountFen!.Value, cancellationToken));
    }

    /// <summary>Records the provider's payment on its order, once per transaction.</summary>
    internal static async Task<PaymentNoticeResponse> RecordAsync(
        OrdersDbContext db, TimeProvider clock, Guid orderId, string transactionId, long amountFen, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var order = await db.Orders.WholeOrders().SingleOrDefaultAsync(o => o.Id == new OrderId(orderId), cancellationToken)
            ?? throw new NotFoundException("Order", orderId);
        var outcome = order.ReceivePayment(transactionId, amountFen, clock.GetUtcNow());
        // Two deliveries of one transaction at once: the unique transaction id (or the order's version) makes the
        // second fail with 409, and the provider's retry then reads AlreadyRecorded.
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new PaymentNoticeResponse(orderId, outcome.ToString(), order.Status.ToString());
    }

    private static async Task<byte[]> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[4096];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaxBodyBytes)
            {
                throw new RequestValidationException("body", $"A payment notice is at most {MaxBodyBytes} bytes.");
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    private static PaymentNotice Parse(byte[] body)
    {
        PaymentNotice? notice;
        try
        {
            notice = JsonSerializer.Deserialize<PaymentNotice>(body, JsonSerializerOptions.Web);
        }
        catch (JsonException)
        {
            notice = null;
        }

        var errors = new ValidationErrors();
        errors.Require(notice?.OrderId is not null, "orderId", "orderId is required.");
        errors.Require(notice?.TransactionId is { Length: > 0 and <= 64 }, "transactionId", "transactionId is required (at most 64 characters).");
        errors.Require(notice?.AmountFen is > 0, "amountFen", "amountFen is a positive whole number of fen.");
        errors.ThrowIfAny();
        return notice!;
    }
}
