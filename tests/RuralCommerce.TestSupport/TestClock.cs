namespace RuralCommerce.TestSupport;

/// <summary>
/// The host's clock in tests: the system's, moved by <see cref="Offset"/> when a test needs tomorrow (a month that has
/// closed). Bearer tokens are still checked against the system's own time, so a signed-in client keeps working.
/// </summary>
public sealed class TestClock : TimeProvider
{
    public TimeSpan Offset { get; set; }

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + Offset;
}
