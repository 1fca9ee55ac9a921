using RuralCommerce.SharedKernel;

namespace RuralCommerce.Training.Domain.People;

/// <summary>An account that proved its phone (Access's notification): enrolments by that phone belong to it.</summary>
internal sealed class VerifiedAccount
{
    private VerifiedAccount()
    {
    }

    public Guid AccountId { get; private set; }

    public PhoneNumber Phone { get; private set; }

    public static VerifiedAccount Of(Guid accountId, PhoneNumber phone) => new() { AccountId = accountId, Phone = phone };
}

internal enum MemberStatus
{
    Active,
    Suspended,
    Left,
}

/// <summary>Training's copy of a cooperative member (Cooperatives' notifications): who is a trainer, and which learners are members.</summary>
internal sealed class Member
{
    private Member()
    {
    }

    public Guid Id { get; private set; }

    public Guid CooperativeId { get; private set; }

    public string Name { get; private set; } = "";

    public PhoneNumber Phone { get; private set; }

    public string Village { get; private set; } = "";

    public bool IsTrainer { get; private set; }

    public MemberStatus Status { get; private set; }

    public static Member Joined(Guid cooperativeId, Guid memberId, string name, PhoneNumber phone, string village, bool isTrainer) =>
        new() { Id = memberId, CooperativeId = cooperativeId, Name = name, Phone = phone, Village = village, IsTrainer = isTrainer };

    public void SetTrainer(bool isTrainer) => IsTrainer = isTrainer;

    public void ChangeStatus(MemberStatus status) => Status = status;

    public void CorrectDetails(string name, string village) => (Name, Village) = (name, village);
}

/// <summary>Training's copy of a cooperative's name (Cooperatives' notifications), for the trainer's choice of cooperative.</summary>
internal sealed class Cooperative
{
    private Cooperative()
    {
    }

    public Guid Id { get; private set; }

    public string Name { get; private set; } = "";

    public static Cooperative Registered(Guid id, string name) => new() { Id = id, Name = name };
}
