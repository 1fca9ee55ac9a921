namespace RuralCommerce.SharedKernel;

/// <summary>A business rule was broken; the API answers 409 with the rule's name and message.</summary>
public sealed class BusinessRuleValidationException : Exception
{
    public BusinessRuleValidationException(IBusinessRule brokenRule)
        : base(brokenRule?.Message)
    {
        ArgumentNullException.ThrowIfNull(brokenRule);
        BrokenRule = brokenRule;
    }

    public IBusinessRule BrokenRule { get; }

    public string RuleName => BrokenRule.GetType().Name;
}

/// <summary>The addressed resource does not exist (or is not visible to the caller); the API answers 404.</summary>
public sealed class NotFoundException(string resource, object id)
    : Exception($"{resource} '{id}' was not found.")
{
    public string Resource { get; } = resource;
}

/// <summary>
/// A conflict that is not a domain rule (duplicate key, stale state); the API answers 409 with the <see cref="Reason"/>,
/// which pages also use to say it in the reader's language.
/// </summary>
public sealed class ConflictException(string reason, string message, IReadOnlyDictionary<string, object?>? details = null) : Exception(message)
{
    /// <summary>A stable name for the kind of conflict, e.g. <c>PhoneNotVerified</c>.</summary>
    public string Reason { get; } = reason;

    /// <summary>More members of the ProblemDetails (e.g. <c>shortLines</c>: which lines of an order could not be met).</summary>
    public IReadOnlyDictionary<string, object?> Details { get; } = details ?? new Dictionary<string, object?>();
}

/// <summary>Input failed validation; the API answers 400 with the field errors.</summary>
public sealed class RequestValidationException : Exception
{
    public RequestValidationException(IDictionary<string, string[]> errors)
        : base("One or more validation errors occurred.")
    {
        Errors = new Dictionary<string, string[]>(errors);
    }

    public RequestValidationException(string field, string error)
        : this(new Dictionary<string, string[]> { [field] = [error] })
    {
    }

    public IReadOnlyDictionary<string, string[]> Errors { get; }
}

/// <summary>The caller could not be authenticated (wrong credentials, a revoked or reused token); the API answers 401.</summary>
public sealed class AuthenticationFailedException(string message) : Exception(message);

/// <summary>The caller is known but may not do this here (e.g. another logistics centre's operator): 403.</summary>
public sealed class ForbiddenException(string message) : Exception(message);

/// <summary>Too many attempts (a locked account, codes requested too often); the API answers 429 with Retry-After.</summary>
public sealed class TooManyAttemptsException(string message, TimeSpan retryAfter) : Exception(message)
{
    public TimeSpan RetryAfter { get; } = retryAfter;
}

/// <summary>The host has no room for this work right now (every photo decoder busy); the API answers 503 with Retry-After.</summary>
public sealed class ServiceBusyException(string message, TimeSpan retryAfter) : Exception(message)
{
    public TimeSpan RetryAfter { get; } = retryAfter;
}
