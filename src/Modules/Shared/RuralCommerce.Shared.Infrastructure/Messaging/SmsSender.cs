using Microsoft.Extensions.Logging;
using RuralCommerce.SharedKernel;

namespace RuralCommerce.Shared.Infrastructure.Messaging;

/// <summary>Sends a text message to a mobile phone.</summary>
public interface ISmsSender
{
    Task SendAsync(PhoneNumber to, string text, CancellationToken cancellationToken);
}

/// <summary>The SMS gateway could not take the message; the API answers 503 and the caller may try again.</summary>
public sealed class SmsDeliveryException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>
/// The development sender (Development only): writes the message, code included, to the log instead of sending it,
/// so a developer or a demo can read it. The phone is masked even here.
/// </summary>
internal sealed partial class LoggingSmsSender(ILogger<LoggingSmsSender> logger) : ISmsSender
{
    public Task SendAsync(PhoneNumber to, string text, CancellationToken cancellationToken)
    {
        LogSms(to.Masked, text);
        return Task.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "SMS not sent (development sender) to {Phone}: {Text}")]
    private partial void LogSms(string phone, string text);
}
