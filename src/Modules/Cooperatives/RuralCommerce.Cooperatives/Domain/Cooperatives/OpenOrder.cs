namespace RuralCommerce.Cooperatives.Domain.Cooperatives;

/// <summary>
/// An order for some of the cooperative's produce that is neither completed nor cancelled, as Orders tells it: while
/// any is open, the cooperative is not dissolved (its sellers still owe parcels, its buyers money back).
/// </summary>
internal sealed class OpenOrder
{
    private OpenOrder()
    {
    }

    public CooperativeId CooperativeId { get; private set; }

    public Guid OrderId { get; private set; }

    public DateTimeOffset PlacedAt { get; private set; }

    public static OpenOrder Of(CooperativeId cooperativeId, Guid orderId, DateTimeOffset placedAt) =>
        new() { CooperativeId = cooperativeId, OrderId = orderId, PlacedAt = placedAt };
}
