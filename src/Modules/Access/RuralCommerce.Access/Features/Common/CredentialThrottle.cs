using System.Threading.RateLimiting;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using RuralCommerce.Access.Domain.Accounts;
using RuralCommerce.SharedKernel;

namespace RuralCommerce.Access.Features.Common;

/// <summary>
/// The limits per phone number (and per number and client address) that stop guessing without locking out a
/// village: failure streaks per (number, address) with progressive lock-outs, failures per number from all
/// addresses (a botnet guessing one account), and codes texted per number. Kept in this host's memory (see the README's security section).
/// </summary>
internal sealed class CredentialThrottle : IDisposable
{
    private const string LockedMessage =
        "Too many wrong attempts for this number from your network. Wait, or sign in with a code sent by text message.";

    private readonly MemoryCache _streaks = new(new MemoryCacheOptions { SizeLimit = 200_000 });
    private readonly MemoryCache _lastCodes = new(new MemoryCacheOptions { SizeLimit = 200_000 });
    private readonly PartitionedRateLimiter<string> _failuresPerPhone;
    private readonly PartitionedRateLimiter<string> _codesPerPhone;
    private readonly AccessOptions _settings;
    private readonly TimeProvider _clock;

    public CredentialThrottle(IOptions<AccessOptions> options, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(options);
        _settings = options.Value;
        _clock = clock;
        _failuresPerPhone = PerPhone(_settings.FailuresPerPhone);
        _codesPerPhone = PerPhone(_settings.CodesPerPhone);
    }

    /// <summary>
    /// Before checking a password for <paramref name="phone"/>: 429 while the number is locked from this address, or
    /// when it has had too many wrong passwords from everywhere.
    /// </summary>
    public void BeforePasswordAttempt(PhoneNumber phone, string clientAddress)
    {
        BeforeCodeAttempt(phone, clientAddress);
        // Zero permits asks whether any are left without taking one: only wrong passwords use them up.
        using var lease = _failuresPerPhone.AttemptAcquire(phone.Value, permitCount: 0);
        if (!lease.IsAcquired)
        {
            throw new TooManyAttemptsException(
                "This number has had too many wrong passwords. Try again later, or sign in with a code sent by text message.",
                RetryAfter(lease, _settings.FailuresPerPhone.Window));
        }
    }

    /// <summary>
    /// Before checking a texted code: 429 while the number is locked from this address. A number guessed at from
    /// everywhere does not stop its owner here; each code allows only five guesses and codes are rationed per number.
    /// </summary>
    public void BeforeCodeAttempt(PhoneNumber phone, string clientAddress)
    {
        if (Streak(phone, clientAddress, create: false) is not { } streak)
        {
            return;
        }

        lock (streak)
        {
            if (streak.LockedFor(_clock.GetUtcNow()) is { } wait)
            {
                throw new TooManyAttemptsException(LockedMessage, wait);
            }
        }
    }

    /// <summary>A wrong password; the failure that starts a lock-out answers 429 at once.</summary>
    public void RecordPasswordFailure(PhoneNumber phone, string clientAddress)
    {
        _failuresPerPhone.AttemptAcquire(phone.Value).Dispose();
        RecordFailure(phone, clientAddress, "password");
    }

    /// <summary>A wrong code; the failure that starts a lock-out answers 429 at once.</summary>
    public void RecordCodeFailure(PhoneNumber phone, string clientAddress) => RecordFailure(phone, clientAddress, "code");

    private void RecordFailure(PhoneNumber phone, string clientAddress, string credential)
    {
        AccessMetrics.SignInFailed(credential);
        var streak = Streak(phone, clientAddress, create: true)!;
        TimeSpan? lockedFor;
        lock (streak)
        {
            lockedFor = streak.RecordFailure(
                _clock.GetUtcNow(), _settings.MaxFailedSignIns, _settings.LockoutDuration, _settings.MaxLockoutDuration);
        }

        if (lockedFor is { } wait)
        {
            AccessMetrics.LockedOut();
            throw new TooManyAttemptsException(LockedMessage, wait);
        }
    }

    public void RecordSuccess(PhoneNumber phone, string clientAddress) => _streaks.Remove(Key(phone, clientAddress));

    /// <summary>
    /// Reserves the right to text a code to <paramref name="phone"/> now; false (with the wait) within the cooldown
    /// or past the number's hourly allowance. Applies to every number alike, with or without an account.
    /// </summary>
    public bool TryReserveCode(PhoneNumber phone, out TimeSpan retryAfter)
    {
        var now = _clock.GetUtcNow();
        lock (_lastCodes)
        {
            if (_lastCodes.TryGetValue(phone.Value, out DateTimeOffset sentAt) && sentAt + _settings.VerificationCodeCooldown > now)
            {
                retryAfter = sentAt + _settings.VerificationCodeCooldown - now;
                return false;
            }

            using var lease = _codesPerPhone.AttemptAcquire(phone.Value);
            if (!lease.IsAcquired)
            {
                retryAfter = RetryAfter(lease, _settings.CodesPerPhone.Window);
                return false;
            }

            if (_settings.VerificationCodeCooldown > TimeSpan.Zero)
            {
                _lastCodes.Set(phone.Value, now, new MemoryCacheEntryOptions
                {
                    Size = 1,
                    AbsoluteExpirationRelativeToNow = _settings.VerificationCodeCooldown,
                });
            }
        }

        retryAfter = TimeSpan.Zero;
        return true;
    }

    public void Dispose()
    {
        _streaks.Dispose();
        _lastCodes.Dispose();
        _failuresPerPhone.Dispose();
        _codesPerPhone.Dispose();
    }

    private FailureStreak? Streak(PhoneNumber phone, string clientAddress, bool create)
    {
        var key = Key(phone, clientAddress);
        if (!create)
        {
            return _streaks.TryGetValue(key, out FailureStreak? existing) ? existing : null;
        }

        lock (_streaks)
        {
            return _streaks.GetOrCreate(key, entry =>
            {
                entry.Size = 1;
                // Forgotten a day after the last failure: the next streak starts from the first lock-out again.
                entry.SlidingExpiration = TimeSpan.FromDays(1);
                return new FailureStreak();
            })!;
        }
    }

    private static string Key(PhoneNumber phone, string clientAddress) => $"{phone.Value}|{clientAddress}";

    private static PartitionedRateLimiter<string> PerPhone(RateLimitOptions limit) =>
        PartitionedRateLimiter.Create<string, string>(phone => RateLimitPartition.GetFixedWindowLimiter(phone, _ =>
            new FixedWindowRateLimiterOptions { PermitLimit = limit.PermitLimit, Window = limit.Window, QueueLimit = 0 }));

    private static TimeSpan RetryAfter(RateLimitLease lease, TimeSpan fallback) =>
        lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : fallback;
}
