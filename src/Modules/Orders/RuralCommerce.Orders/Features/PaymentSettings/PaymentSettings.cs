using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using RuralCommerce.Orders.Domain.Payments;
using RuralCommerce.Orders.Features.Common;
using RuralCommerce.Orders.Persistence;
using RuralCommerce.Shared.Infrastructure.Security;
using RuralCommerce.Shared.Infrastructure.Web;
using RuralCommerce.SharedKernel;

namespace RuralCommerce.Orders.Features.PaymentSettings;

/// <param name="WeChatPaySubMerchantId">The cooperative's WeChat Pay sub-merchant number (sub_mchid), 8 to 32 digits; empty or absent clears it.</param>
/// <param name="AlipayMerchantId">The cooperative's Alipay merchant id (PID): 2088 and 12 digits; empty or absent clears it.</param>
internal sealed record PaymentSettingsRequest(
    [property: RegularExpression(PaymentSettingsEndpoints.WeChatPaySubMerchantPattern)] string? WeChatPaySubMerchantId,
    [property: RegularExpression(PaymentSettingsEndpoints.AlipayMerchantPattern)] string? AlipayMerchantId);

/// <param name="OnlineMethods">What the cooperative's buyers can pay online on this host now (cash on delivery is always offered).</param>
internal sealed record PaymentSettingsResponse(
    Guid CooperativeId, string? WeChatPaySubMerchantId, string? AlipayMerchantId, IReadOnlyList<string> OnlineMethods, DateTimeOffset? UpdatedAt);

/// <summary>The platform administrator records each cooperative's own merchant ids, so that its buyers' money goes straight to it.</summary>
internal static class PaymentSettingsEndpoints
{
    // Spaces around an id are forgiven: ids are pasted from the providers' consoles.
    public const string WeChatPaySubMerchantPattern = "^ *([0-9]{8,32})? *$";
    public const string AlipayMerchantPattern = "^ *(2088[0-9]{12})? *$";

    public static void MapPaymentSettings(this IEndpointRouteBuilder group)
    {
        group.MapGet(OrdersApiPaths.PaymentSettings, GetAsync)
            .RequireAuthorization(AuthorizationPolicies.CooperativeAdmin)
            .WithName("GetPaymentSettings")
            .WithSummary("A cooperative's merchant ids at WeChat Pay and Alipay, and what its buyers can pay online on this host.")
            .WithDescription("The cooperative's administrators and platform administrators. An unknown cooperative is 404.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPut(OrdersApiPaths.PaymentSettings, RecordAsync)
            .RequireAuthorization(AuthorizationPolicies.PlatformAdmin)
            .WithName("RecordPaymentSettings")
            .WithSummary("Records a cooperative's merchant ids: buyers' money goes to the cooperative's own account, never through the platform's.")
            .WithDescription("Platform administrators (the service provider that registered the cooperative as its sub-merchant). An empty id " +
                "clears it. One merchant account is one cooperative's: an id another cooperative holds is 409 `MerchantIdTaken`. An unknown " +
                "cooperative is 404. The platform's own keys and certificates are never sent here: they are the host's configuration.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
    }

    internal static async Task<Ok<PaymentSettingsResponse>> GetAsync(
        Guid cooperativeId, OrdersDbContext db, OfferedPaymentMethods offered, CancellationToken cancellationToken)
    {
        await RequireCooperativeAsync(db, cooperativeId, cancellationToken);
        var payee = await db.CooperativePayees.AsNoTracking().SingleOrDefaultAsync(p => p.CooperativeId == cooperativeId, cancellationToken);
        return TypedResults.Ok(ToResponse(cooperativeId, payee, offered));
    }

    internal static async Task<Ok<PaymentSettingsResponse>> RecordAsync(
        Guid cooperativeId, PaymentSettingsRequest request, ClaimsPrincipal caller, OrdersDbContext db, OfferedPaymentMethods offered,
        TimeProvider clock, CancellationToken cancellationToken)
    {
        var weChat = Normalized(request.WeChatPaySubMerchantId);
        var alipay = Normalized(request.AlipayMerchantId);
        var errors = new ValidationErrors();
        errors.Require(weChat is null || Regex.IsMatch(weChat, WeChatPaySubMerchantPattern), "weChatPaySubMerchantId",
            "A WeChat Pay sub-merchant number is 8 to 32 digits.");
        errors.Require(alipay is null || Regex.IsMatch(alipay, AlipayMerchantPattern), "alipayMerchantId",
            "An Alipay merchant id (PID) is 2088 followed by 12 digits.");
        errors.ThrowIfAny();
        await RequireCooperativeAsync(db, cooperativeId, cancellationToken);

        var taken = await db.CooperativePayees.AsNoTracking()
            .Where(p => p.CooperativeId != cooperativeId && ((weChat != null && p.WeChatPaySubMerchantId == weChat) || (alipay != null && p.AlipayMerchantId == alipay)))
            .AnyAsync(cancellationToken);
        if (taken)
        {
            throw new ConflictException("MerchantIdTaken", "Another cooperative already has this merchant id: its buyers' money would go there.");
        }

        var payee = await db.CooperativePayees.SingleOrDefaultAsync(p => p.CooperativeId == cooperativeId, cancellationToken);
        if (payee is null)
        {
            payee = CooperativePayee.For(cooperativeId);
            db.CooperativePayees.Add(payee);
        }

        payee.Record(weChat, alipay, caller.AccountId(), clock.GetUtcNow());
        // Two cooperatives given one id at once meet at the unique index (409).
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(ToResponse(cooperativeId, payee, offered));
    }

    private static string? Normalized(string? id) => string.IsNullOrWhiteSpace(id) ? null : id.Trim();

    private static async Task RequireCooperativeAsync(OrdersDbContext db, Guid cooperativeId, CancellationToken cancellationToken)
    {
        if (!await db.CooperativeLocations.AnyAsync(c => c.CooperativeId == cooperativeId, cancellationToken))
        {
            throw new NotFoundException("Cooperative", cooperativeId);
        }
    }

    private static PaymentSettingsResponse ToResponse(Guid cooperativeId, CooperativePayee? payee, OfferedPaymentMethods offered) =>
        new(cooperativeId, payee?.WeChatPaySubMerchantId, payee?.AlipayMerchantId, [.. offered.Online.Select(m => m.ToString())], payee?.UpdatedAt);
}
