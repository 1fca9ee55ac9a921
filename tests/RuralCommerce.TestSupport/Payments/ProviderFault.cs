namespace RuralCommerce.TestSupport.Payments;

/// <summary>What a provider simulator does wrong on a request, when a test asks it to.</summary>
public enum ProviderFault
{
    None,

    /// <summary>Does the work, then the answer is lost on the way (the caller sees a broken connection).</summary>
    LoseAnswer,
    ServerError,
    SignWithUnknownKey,
    TamperAnswer,
    StaleAnswer,
}
