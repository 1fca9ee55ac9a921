using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace RuralCommerce.TestSupport;

/// <summary>Keeps the host's log lines (the most recent 20,000) so tests can check what reaches a log.</summary>
public sealed class CapturingLoggerProvider : ILoggerProvider
{
    private const int Keep = 20_000;
    private readonly ConcurrentQueue<LogLine> _lines = new();

    public IReadOnlyList<LogLine> Lines => _lines.ToList();

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, this);

    public void Dispose()
    {
    }

    private void Add(LogLine line)
    {
        _lines.Enqueue(line);
        while (_lines.Count > Keep && _lines.TryDequeue(out _))
        {
        }
    }

    private sealed class Logger(string category, CapturingLoggerProvider provider) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            ArgumentNullException.ThrowIfNull(formatter);
            provider.Add(new LogLine(category, logLevel, formatter(state, exception)));
        }
    }
}

public sealed record LogLine(string Category, LogLevel Level, string Message);
