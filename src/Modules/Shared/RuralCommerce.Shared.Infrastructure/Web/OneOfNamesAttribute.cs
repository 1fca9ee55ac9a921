using System.ComponentModel.DataAnnotations;

namespace RuralCommerce.Shared.Infrastructure.Web;

/// <summary>
/// A text that names one of <see cref="Source"/>'s members, in any case (numbers are refused: the API speaks names):
/// an enum's names, or the texts of a class's static <c>All</c> list (roles).
/// The OpenAPI document lists <see cref="Names"/> as the field's <c>enum</c>; absent or blank is left to
/// <see cref="RequiredAttribute"/>, as optional filters treat blank as "any".
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter)]
public sealed class OneOfNamesAttribute(Type source) : ValidationAttribute
{
    public Type Source { get; } = source;

    /// <summary>Members the API does not accept here (e.g. a payment method only the platform records).</summary>
    public string[] Except { get; set; } = [];

    public IReadOnlyList<string> Names =>
        (Source.IsEnum ? Enum.GetNames(Source) : (IEnumerable<string>)Source.GetProperty("All")!.GetValue(null)!)
        .Except(Except, StringComparer.Ordinal).ToList();

    public override bool IsValid(object? value) =>
        value is not string text || string.IsNullOrWhiteSpace(text)
        || Names.Contains(text.Trim(), StringComparer.OrdinalIgnoreCase);

    public override string FormatErrorMessage(string name) => $"{name} must be one of: {string.Join(", ", Names)}.";
}
