using System.Diagnostics.Metrics;

namespace RuralCommerce.Access.Features.Common;

/// <summary>Sign-in failures and lock-outs: a sudden rise is someone guessing passwords or codes.</summary>
internal static class AccessMetrics
{
    private static readonly Meter Meter = new("RuralCommerce.Access");

    private static readonly Counter<long> Failures = Meter.CreateCounter<long>(
        "ruralcommerce.signin.failures", "{attempt}", "Wrong passwords and codes");

    private static readonly Counter<long> LockOuts = Meter.CreateCounter<long>(
        "ruralcommerce.signin.lockouts", "{lockout}", "Number and client-address pairs locked after failures in a row");

    public static void SignInFailed(string credential) => Failures.Add(1, new KeyValuePair<string, object?>("credential", credential));

    public static void LockedOut() => LockOuts.Add(1);
}
