using RuralCommerce.SharedKernel;

namespace RuralCommerce.Shared.Infrastructure.Web;

/// <summary>Collects field errors of one request, then throws them together as a 400.</summary>
public sealed class ValidationErrors
{
    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    public bool IsEmpty => _errors.Count == 0;

    public void Add(string field, string message)
    {
        if (!_errors.TryGetValue(field, out var messages))
        {
            _errors[field] = messages = [];
        }

        messages.Add(message);
    }

    /// <summary>Adds <paramref name="message"/> unless <paramref name="condition"/> holds; returns the condition.</summary>
    public bool Require(bool condition, string field, string message)
    {
        if (!condition)
        {
            Add(field, message);
        }

        return condition;
    }

    /// <summary>A required text of at most <paramref name="maxLength"/> characters, trimmed.</summary>
    public string RequireText(string? value, string field, int maxLength)
    {
        var trimmed = value?.Trim() ?? "";
        if (Require(trimmed.Length > 0, field, $"{field} is required."))
        {
            Require(trimmed.Length <= maxLength, field, $"{field} must be at most {maxLength} characters.");
        }

        return trimmed;
    }

    public PhoneNumber RequirePhone(string? value, string field = "phone")
    {
        Require(PhoneNumber.TryParse(value, out var phone), field, "Enter a mobile phone number such as +8613800138000.");
        return phone;
    }

    public override string ToString() =>
        string.Join("; ", _errors.SelectMany(e => e.Value.Select(message => $"{e.Key}: {message}")));

    /// <summary>An optional calendar day anyone could mean (2000 to 2099): near the calendar's ends a China day has no UTC start.</summary>
    public void RequirePlausibleDay(DateOnly? day, string field) =>
        Require(day is null || day.Value.Year is >= 2000 and <= 2099, field, $"{field} must be a date from 2000-01-01 to 2099-12-31.");

    /// <summary>A positive CNY amount in yuan with at most two decimals (whole fen).</summary>
    public Money RequireMoney(decimal? amount, string field)
    {
        var valid = amount is > 0m and <= 10_000_000_000m && decimal.Round(amount.Value, 2) == amount.Value;
        Require(valid, field, $"{field} must be a positive amount in yuan with at most two decimals.");
        return valid ? Money.Yuan(amount!.Value) : Money.Zero;
    }

    /// <summary>One of <typeparamref name="TEnum"/>'s names, in any case (numbers are refused: the API speaks names).</summary>
    public TEnum RequireName<TEnum>(string? value, string field)
        where TEnum : struct, Enum => RequireName(value, field, Enum.GetValues<TEnum>());

    /// <summary>The name of one of <paramref name="allowed"/>, in any case (numbers are refused: the API speaks names).</summary>
    public TEnum RequireName<TEnum>(string? value, string field, IReadOnlyCollection<TEnum> allowed)
        where TEnum : struct, Enum
    {
        ArgumentNullException.ThrowIfNull(allowed);
        var valid = !string.IsNullOrWhiteSpace(value) && !char.IsAsciiDigit(value.Trim()[0])
            && Enum.TryParse<TEnum>(value.Trim(), ignoreCase: true, out var parsed) && allowed.Contains(parsed);
        Require(valid, field, $"{field} must be one of: {string.Join(", ", allowed)}.");
        return valid ? Enum.Parse<TEnum>(value!.Trim(), ignoreCase: true) : default;
    }

    /// <summary>An optional text of at most <paramref name="maxLength"/> characters, trimmed; blank becomes null.</summary>
    public string? OptionalText(string? value, string field, int maxLength)
    {
        var trimmed = value?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            return null;
        }

        Require(trimmed.Length <= maxLength, field, $"{field} must be at most {maxLength} characters.");
        return trimmed;
    }

    public void ThrowIfAny()
    {
        if (!IsEmpty)
        {
            throw new RequestValidationException(_errors.ToDictionary(e => e.Key, e => e.Value.ToArray()));
        }
    }
}
