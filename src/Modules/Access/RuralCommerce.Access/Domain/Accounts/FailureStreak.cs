namespace RuralCommerce.Access.Domain.Accounts;

/// <summary>
/// Wrong passwords or codes for one phone number from one client address. The <c>maxFailures</c>th in a row locks
/// that pair for <c>firstLockout</c>; every further lock lasts twice as long as the one before, up to
/// <c>maxLockout</c>. A stranger on another network therefore cannot lock the owner out, and a persistent guesser
/// slows down exponentially. Unknown numbers lock the same way, so a lock-out reveals nothing.
/// </summary>
internal sealed class FailureStreak
{
    public int Failures { get; private set; }

    public int Lockouts { get; private set; }

    public DateTimeOffset? LockedUntil { get; private set; }

    /// <summary>How long the pair stays locked, or null when it may try now.</summary>
    public TimeSpan? LockedFor(DateTimeOffset now) => LockedUntil > now ? LockedUntil.Value - now : null;

    /// <summary>Counts a failure; returns how long the pair is now locked, or null when this failure did not lock it.</summary>
    public TimeSpan? RecordFailure(DateTimeOffset now, int maxFailures, TimeSpan firstLockout, TimeSpan maxLockout)
    {
        Failures++;
        if (Failures < maxFailures)
        {
            return null;
        }

        var doubling = Math.Min(Lockouts, 30);
        var lockout = TimeSpan.FromTicks((long)Math.Min(maxLockout.Ticks, firstLockout.Ticks * Math.Pow(2, doubling)));
        Failures = 0;
        Lockouts++;
        LockedUntil = now + lockout;
        return lockout;
    }
}
