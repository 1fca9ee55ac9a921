using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using RuralCommerce.Orders.Domain.Orders;
using RuralCommerce.Orders.Persistence;
using RuralCommerce.Shared.Infrastructure.Web;

namespace RuralCommerce.Orders.Features.Common;

internal sealed record DeliveryRequest(
    [property: Required, MaxLength(50)] string? Recipient,
    [property: Required, MaxLength(32), RegularExpression(ApiPatterns.Phone)] string? Phone,
    [property: Required, MaxLength(50)] string? Province,
    [property: Required, MaxLength(50)] string? County,
    [property: Required, MaxLength(50)] string? Township,
    [property: Required, MaxLength(50)] string? Village,
    [property: Required, MaxLength(200)] string? Detail);

/// <summary>Where an order goes: an address given with it, or one of the buyer's saved addresses.</summary>
internal static class DeliveryChoice
{
    public static DeliveryAddress? Validate(DeliveryRequest? d, ValidationErrors errors, string field = "delivery")
    {
        var recipient = errors.RequireText(d?.Recipient, $"{field}.recipient", 50);
        var phone = errors.RequirePhone(d?.Phone, $"{field}.phone");
        var province = errors.RequireText(d?.Province, $"{field}.province", 50);
        var county = errors.RequireText(d?.County, $"{field}.county", 50);
        var township = errors.RequireText(d?.Township, $"{field}.township", 50);
        var village = errors.RequireText(d?.Village, $"{field}.village", 50);
        var detail = errors.RequireText(d?.Detail, $"{field}.detail", 200);
        return !errors.IsEmpty ? null : new DeliveryAddress(recipient, phone, province, county, township, village, detail);
    }

    public static async Task<DeliveryAddress?> ResolveAsync(
        OrdersDbContext db, Guid buyer, DeliveryRequest? delivery, Guid? addressId, ValidationErrors errors, CancellationToken cancellationToken)
    {
        if (addressId is { } id)
        {
            errors.Require(delivery is null, "delivery", "Give either a delivery address or addressId, not both.");
            var saved = await db.SavedAddresses.AsNoTracking().Where(a => a.Id == id && a.AccountId == buyer).Select(a => a.Address)
                .SingleOrDefaultAsync(cancellationToken);
            errors.Require(saved is not null, "addressId", "This is not one of your saved addresses.");
            return saved;
        }

        errors.Require(delivery is not null, "delivery", "delivery (or addressId) is required.");
        return delivery is null ? null : Validate(delivery, errors);
    }
}
