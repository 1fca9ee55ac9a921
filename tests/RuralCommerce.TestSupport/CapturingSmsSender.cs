using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using RuralCommerce.Shared.Infrastructure.Messaging;
using RuralCommerce.SharedKernel;

namespace RuralCommerce.TestSupport;

/// <summary>Keeps the texts instead of sending them, so tests can read the one-time codes.</summary>
public sealed partial class CapturingSmsSender : ISmsSender
{
    private readonly ConcurrentQueue<(string Phone, string Text)> _sent = new();

    public IReadOnlyList<(string Phone, string Text)> Sent => _sent.ToList();

    public Task SendAsync(PhoneNumber to, string text, CancellationToken cancellationToken)
    {
        _sent.Enqueue((to.Value, text));
        return Task.CompletedTask;
    }

    public string LastCodeFor(string phone) =>
        _sent.Where(s => s.Phone == phone).Select(s => SixDigits().Match(s.Text).Value).LastOrDefault(c => c.Length == 6)
        ?? throw new InvalidOperationException($"No code was texted to {phone}.");

    [GeneratedRegex(@"\b\d{6}\b")]
    private static partial Regex SixDigits();
}
