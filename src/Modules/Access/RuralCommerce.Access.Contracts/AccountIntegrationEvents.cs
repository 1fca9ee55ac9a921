using RuralCommerce.SharedKernel;

namespace RuralCommerce.Access.Contracts;

/// <summary>
/// An account proved it owns <paramref name="Phone"/> (E.164, e.g. <c>+8613912345678</c>) with a texted code. Modules
/// that know people by phone before they have an account (a farmer a trainer enrolled) link them to it.
/// </summary>
public sealed record PhoneVerifiedIntegrationEvent(Guid AccountId, string Phone, string DisplayName) : IntegrationEvent
{
    public override string PartitionKey => $"account:{AccountId}";
}
