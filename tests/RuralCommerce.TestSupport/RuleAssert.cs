using RuralCommerce.SharedKernel;
using Xunit;

namespace RuralCommerce.TestSupport;

/// <summary>Domain tests assert which rule broke: <c>AssertBrokenRule&lt;MemberWithSharesCannotLeaveRule&gt;(() => member.Leave(cooperative))</c>.</summary>
public static class RuleAssert
{
    public static TRule AssertBrokenRule<TRule>(Action action)
        where TRule : IBusinessRule
    {
        var error = Assert.Throws<BusinessRuleValidationException>(action);
        return Assert.IsType<TRule>(error.BrokenRule);
    }

    public static TRule AssertBrokenRule<TRule>(Func<object> action)
        where TRule : IBusinessRule =>
        AssertBrokenRule<TRule>(() => { action(); });
}
