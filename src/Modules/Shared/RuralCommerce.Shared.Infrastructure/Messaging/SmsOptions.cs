namespace RuralCommerce.Shared.Infrastructure.Messaging;

/// <summary>The <c>Sms</c> configuration section: which gateway texts the one-time codes.</summary>
public sealed class SmsOptions
{
    public const string SectionName = "Sms";

    /// <summary>The development sender, which logs instead of sending; refused outside Development.</summary>
    public const string DevelopmentProvider = "Development";

    /// <summary>A provider's HTTP API (<see cref="HttpSmsSender"/>).</summary>
    public const string HttpProvider = "Http";

    /// <summary><c>Http</c>, or empty for the development sender (Development only).</summary>
    public string? Provider { get; set; }

    public HttpSmsOptions Http { get; set; } = new();

    internal bool UsesHttp => string.Equals(Provider, HttpProvider, StringComparison.OrdinalIgnoreCase);

    /// <summary>Why the host cannot send texts with these settings in this environment, or null when it can.</summary>
    internal string? Problem(bool isDevelopment)
    {
        if (UsesHttp)
        {
            return Uri.TryCreate(Http.Endpoint, UriKind.Absolute, out var endpoint) && endpoint.Scheme is "https" or "http"
                                                                                 && !string.IsNullOrWhiteSpace(Http.ApiKey)
                ? null
                : "Sms:Http:Endpoint (an absolute URL) and Sms:Http:ApiKey are required when Sms:Provider is Http.";
        }

        if (!string.IsNullOrWhiteSpace(Provider) && !string.Equals(Provider, DevelopmentProvider, StringComparison.OrdinalIgnoreCase))
        {
            return $"Sms:Provider '{Provider}' is unknown: use Http (or Development, in Development only).";
        }

        return isDevelopment
            ? null
            : "No SMS gateway is configured. Outside Development the host does not start without one: set Sms:Provider=Http, "
              + "Sms:Http:Endpoint and Sms:Http:ApiKey. (The development sender writes one-time codes to the log and is refused here.)";
    }
}

/// <summary>A provider's HTTP API: <c>POST {Endpoint}</c> with <c>{"to","text","messageId"}</c> and a bearer API key.</summary>
public sealed class HttpSmsOptions
{
    public string? Endpoint { get; set; }

    public string? ApiKey { get; set; }

    /// <summary>How long one attempt may take.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Attempts after the first when the gateway fails or answers 5xx/429; the message id lets it drop duplicates.</summary>
    public int Retries { get; set; } = 2;
}
