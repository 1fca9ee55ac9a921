using RuralCommerce.SharedKernel;

namespace RuralCommerce.Orders.Domain.Logistics;

/// <summary>
/// A county logistics centre (县级物流配送中心): parcels of the county's sellers go through it, and its operators
/// receive, dispatch and deliver them. One per county.
/// </summary>
internal sealed class LogisticsCentre : AggregateRoot
{
    public const int MaxOperators = 50;
    private readonly List<CentreOperator> _operators = [];

    private LogisticsCentre()
    {
    }

    public Guid Id { get; private set; }

    public string Name { get; private set; } = "";

    public string Province { get; private set; } = "";

    public string County { get; private set; } = "";

    public string Address { get; private set; } = "";

    public DateTimeOffset RegisteredAt { get; private set; }

    public IReadOnlyList<CentreOperator> Operators => _operators;

    public static LogisticsCentre Register(Guid id, string name, string province, string county, string address, DateTimeOffset now) =>
        new() { Id = id, Name = name, Province = province, County = county, Address = address, RegisteredAt = now };

    /// <summary>Appoints an account as an operator; appointing one twice changes nothing.</summary>
    public void Appoint(Guid accountId, DateTimeOffset now)
    {
        if (_operators.Any(o => o.AccountId == accountId))
        {
            return;
        }

        CheckRule(new ACentreHasAtMostFiftyOperatorsRule(this));
        _operators.Add(new CentreOperator(Guid.CreateVersion7(now), accountId, now));
    }

    public void Dismiss(Guid accountId) => _operators.RemoveAll(o => o.AccountId == accountId);

    public bool IsOperator(Guid accountId) => _operators.Any(o => o.AccountId == accountId);
}

internal sealed class CentreOperator
{
    private CentreOperator()
    {
    }

    public CentreOperator(Guid id, Guid accountId, DateTimeOffset appointedAt)
    {
        Id = id;
        AccountId = accountId;
        AppointedAt = appointedAt;
    }

    public Guid Id { get; private set; }

    public Guid AccountId { get; private set; }

    public DateTimeOffset AppointedAt { get; private set; }
}

internal sealed class ACentreHasAtMostFiftyOperatorsRule(LogisticsCentre centre) : IBusinessRule
{
    public string Message => $"A logistics centre has at most {LogisticsCentre.MaxOperators} operators.";

    public bool IsBroken() => centre.Operators.Count >= LogisticsCentre.MaxOperators;
}

/// <summary>Orders' copy of where each cooperative is (from Cooperatives' registrations): its sellers ship through that county's centre.</summary>
internal sealed class CooperativeLocation
{
    private CooperativeLocation()
    {
    }

    public CooperativeLocation(Guid cooperativeId, string province, string county)
    {
        CooperativeId = cooperativeId;
        Province = province;
        County = county;
    }

    public Guid CooperativeId { get; private set; }

    public string Province { get; private set; } = "";

    public string County { get; private set; } = "";
}

/// <summary>Orders' copy of the accounts that proved their phone (from Access): only such a person can be appointed to work a centre.</summary>
internal sealed class VerifiedAccount
{
    private VerifiedAccount()
    {
    }

    public VerifiedAccount(Guid accountId) => AccountId = accountId;

    public Guid AccountId { get; private set; }
}
