namespace RuralCommerce.Shared.Infrastructure.Web;

/// <summary>
/// Patterns for the OpenAPI document (<c>[property: RegularExpression(ApiPatterns.Phone)]</c>): as loose as what the
/// handlers accept, so the document never refuses what the API takes. The handlers still do the real checking.
/// </summary>
public static class ApiPatterns
{
    /// <summary>A mobile number as people type it: E.164, <c>0086…</c>, or 11 mainland digits, with spaces or dashes.</summary>
    public const string Phone = @"^\+?[0-9][0-9 ()\-.]{6,30}$";

    /// <summary>A texted one-time code.</summary>
    public const string OneTimeCode = @"^[0-9 ]{6,12}$";

    /// <summary>An 18-character resident ID card number (the last character may be X).</summary>
    public const string IdCard = "^[0-9]{17}[0-9Xx]$";

    /// <summary>An 18-character unified social credit code (GB 32100).</summary>
    public const string CreditCode = "^[0-9A-HJ-NP-RTUWXYa-hj-np-rtuwxy]{18}$";
}
