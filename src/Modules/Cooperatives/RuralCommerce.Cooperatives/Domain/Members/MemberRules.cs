using RuralCommerce.SharedKernel;

namespace RuralCommerce.Cooperatives.Domain.Members;

// The rules a member's changes keep, each named as the sentence it enforces.

internal sealed class OnlyAnApplicationCanBeDecidedRule(Member member) : IBusinessRule
{
    public string Message => $"Only an open application can be approved or rejected; this member is {member.Status}.";

    public bool IsBroken() => member.Status != MemberStatus.Applied;
}

internal sealed class MemberWhoLeftCannotBeSuspendedRule(Member member) : IBusinessRule
{
    public string Message => "A member who has left cannot be suspended.";

    public bool IsBroken() => member.Status == MemberStatus.Left;
}

internal sealed class MemberMustBeActiveRule(Member member) : IBusinessRule
{
    public string Message => $"The member must be active; this member is {member.Status}.";

    public bool IsBroken() => member.Status != MemberStatus.Active;
}

internal sealed class OnlySuspendedMemberCanBeReinstatedRule(Member member) : IBusinessRule
{
    public string Message => "Only a suspended member can be reinstated.";

    public bool IsBroken() => member.Status != MemberStatus.Suspended;
}

internal sealed class MemberMustBeActiveOrSuspendedToLeaveRule(Member member) : IBusinessRule
{
    public string Message => $"Only a current member can leave; this member is {member.Status}.";

    public bool IsBroken() => member.Status is not (MemberStatus.Active or MemberStatus.Suspended);
}

internal sealed class MemberWithSharesCannotLeaveRule(Member member) : IBusinessRule
{
    public string Message => $"The member still holds {member.Shares} share(s): transfer them or have the cooperative buy them back first.";

    public bool IsBroken() => member.Shares > 0;
}

internal sealed class ShareCountMustBePositiveRule(int count) : IBusinessRule
{
    public string Message => "The number of shares must be at least one.";

    public bool IsBroken() => count <= 0;
}

internal sealed class CannotGiveUpMoreSharesThanHeldRule(Member member, int count) : IBusinessRule
{
    public string Message => $"The member holds {member.Shares} share(s) and cannot give up {count}.";

    public bool IsBroken() => count > member.Shares;
}
