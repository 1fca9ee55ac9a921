namespace RuralCommerce.SharedKernel;

/// <summary>One invariant, named as a sentence (<c>MemberWhoLeftCannotBeSuspendedRule</c>).</summary>
public interface IBusinessRule
{
    string Message { get; }

    bool IsBroken();
}
