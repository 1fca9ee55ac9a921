using Microsoft.Extensions.Logging;
using RuralCommerce.SharedKernel;

namespace RuralCommerce.Shared.Infrastructure.Messaging;

/// <summary>Sends a text message to a mobile phone. Production plugs in the SMS gateway here.</summary>
public interface ISmsSender
{
    Task SendAsync(PhoneNumber to, string text, CancellationToken cancellationToken);
}

/// <summary>The development sender: writes the message to the log instead of sending it.</summary>
internal sealed partial class LoggingSmsSender(ILogger<LoggingSmsSender> logger) : ISmsSender
{
    public Task SendAsync(PhoneNumber to, string text, CancellationToken cancellationToken)
    {
        LogSms(to.Value, text);
        return Task.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "SMS not sent (development sender) to {Phone}: {Text}")]
    private partial void LogSms(string phone, string text);
}
