using RuralCommerce.SharedKernel;

namespace RuralCommerce.Orders.Contracts;

/// <summary>Something happened to one account's work at a logistics centre: delivered in order per account.</summary>
public abstract record CentreOperatorIntegrationEvent(Guid CentreId, Guid AccountId) : IntegrationEvent
{
    public override string PartitionKey => $"account:{AccountId}";
}

/// <summary>The account now works the centre's queue (Access adds it to the account's roles, so pages can lead there).</summary>
public sealed record CentreOperatorAppointedIntegrationEvent(Guid CentreId, Guid AccountId) : CentreOperatorIntegrationEvent(CentreId, AccountId);

public sealed record CentreOperatorDismissedIntegrationEvent(Guid CentreId, Guid AccountId) : CentreOperatorIntegrationEvent(CentreId, AccountId);
