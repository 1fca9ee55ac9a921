using RuralCommerce.SharedKernel;

namespace RuralCommerce.Cooperatives.Domain.Cooperatives;

internal readonly record struct CooperativeId(Guid Value) : IStronglyTypedId<CooperativeId>
{
    public static CooperativeId From(Guid value) => new(value);
}

internal enum CooperativeStatus
{
    Active,
    Suspended,
    Dissolved,
}

internal sealed record Address(string Province, string County, string Township, string Village);

internal sealed record CooperativeRegistered(Cooperative Cooperative) : IDomainEvent;

internal sealed record CooperativeStatusChanged(CooperativeId CooperativeId, CooperativeStatus Status) : IDomainEvent;

/// <summary>A farmers' specialised cooperative, registered by a platform administrator.</summary>
internal sealed class Cooperative : AggregateRoot
{
    private Cooperative()
    {
    }

    public CooperativeId Id { get; private set; }

    public string Name { get; private set; } = "";

    public UnifiedSocialCreditCode CreditCode { get; private set; }

    public Address Address { get; private set; } = null!;

    public PhoneNumber ContactPhone { get; private set; }

    /// <summary>The county service centre (logistics, training) the cooperative works with.</summary>
    public string ServiceCentre { get; private set; } = "";

    public DateOnly FoundedOn { get; private set; }

    public Money SharePrice { get; private set; }

    public CooperativeStatus Status { get; private set; }

    /// <summary>Active members holding the Admin role; kept here so "the last admin" is decided under this aggregate's version.</summary>
    public int ActiveAdmins { get; private set; }

    public DateTimeOffset RegisteredAt { get; private set; }

    public static Cooperative Register(
        CooperativeId id, string name, UnifiedSocialCreditCode creditCode, Address address, PhoneNumber contactPhone,
        string serviceCentre, DateOnly foundedOn, Money sharePrice, DateTimeOffset now)
    {
        CheckRule(new SharePriceMustBePositiveRule(sharePrice));
        var cooperative = new Cooperative
        {
            Id = id,
            Name = name,
            CreditCode = creditCode,
            Address = address,
            ContactPhone = contactPhone,
            ServiceCentre = serviceCentre,
            FoundedOn = foundedOn,
            SharePrice = sharePrice,
            Status = CooperativeStatus.Active,
            RegisteredAt = now,
        };
        cooperative.AddDomainEvent(new CooperativeRegistered(cooperative));
        return cooperative;
    }

    public void Suspend()
    {
        CheckRule(new DissolvedCooperativeAcceptsNoChangesRule(this));
        CheckRule(new CooperativeMustBeActiveRule(this));
        ChangeStatus(CooperativeStatus.Suspended);
    }

    public void Reinstate()
    {
        CheckRule(new DissolvedCooperativeAcceptsNoChangesRule(this));
        CheckRule(new OnlySuspendedCooperativeCanBeReinstatedRule(this));
        ChangeStatus(CooperativeStatus.Active);
    }

    /// <summary>Dissolves the cooperative for good, once none of its orders is still open (<paramref name="openOrders"/>).</summary>
    public void Dissolve(int openOrders)
    {
        CheckRule(new DissolvedCooperativeAcceptsNoChangesRule(this));
        CheckRule(new ACooperativeWithOpenOrdersIsNotDissolvedRule(openOrders));
        ChangeStatus(CooperativeStatus.Dissolved);
    }

    /// <summary>Membership, shares and dues change only in an active cooperative.</summary>
    public void EnsureAcceptsChanges()
    {
        CheckRule(new DissolvedCooperativeAcceptsNoChangesRule(this));
        CheckRule(new CooperativeMustBeActiveRule(this));
    }

    internal void AdminActivated() => ActiveAdmins++;

    internal void AdminDeactivated()
    {
        CheckRule(new CooperativeKeepsAtLeastOneAdminRule(this));
        ActiveAdmins--;
    }

    private void ChangeStatus(CooperativeStatus status)
    {
        Status = status;
        AddDomainEvent(new CooperativeStatusChanged(Id, status));
    }
}

internal sealed class DissolvedCooperativeAcceptsNoChangesRule(Cooperative cooperative) : IBusinessRule
{
    public string Message => "The cooperative is dissolved and accepts no changes.";

    public bool IsBroken() => cooperative.Status == CooperativeStatus.Dissolved;
}

internal sealed class ACooperativeWithOpenOrdersIsNotDissolvedRule(int openOrders) : IBusinessRule
{
    public string Message => $"{openOrders} of the cooperative's orders are not finished yet (to ship, deliver, refund or confirm): dissolve it once they are completed or cancelled.";

    public bool IsBroken() => openOrders > 0;
}

internal sealed class CooperativeMustBeActiveRule(Cooperative cooperative) : IBusinessRule
{
    public string Message => "The cooperative is suspended; reinstate it first.";

    public bool IsBroken() => cooperative.Status != CooperativeStatus.Active;
}

internal sealed class OnlySuspendedCooperativeCanBeReinstatedRule(Cooperative cooperative) : IBusinessRule
{
    public string Message => "Only a suspended cooperative can be reinstated.";

    public bool IsBroken() => cooperative.Status != CooperativeStatus.Suspended;
}

internal sealed class CooperativeKeepsAtLeastOneAdminRule(Cooperative cooperative) : IBusinessRule
{
    public string Message => "The last administrator cannot leave, be suspended or lose the Admin role; appoint another first.";

    public bool IsBroken() => cooperative.ActiveAdmins <= 1;
}

internal sealed class SharePriceMustBePositiveRule(Money sharePrice) : IBusinessRule
{
    public string Message => "A share must cost more than nothing.";

    public bool IsBroken() => sharePrice <= Money.Zero;
}
