using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using RuralCommerce.Access.Domain.Accounts;
using RuralCommerce.Access.Persistence;
using RuralCommerce.Shared.Infrastructure.Messaging;
using RuralCommerce.Shared.Infrastructure.Web;
using RuralCommerce.SharedKernel;

namespace RuralCommerce.Access.Features.Common;

/// <summary>
/// One-time codes texted to a phone: they prove its owner holds it, to verify the number, sign in or choose a new
/// password. Only a hash is stored; five wrong guesses burn a code; the number's limits are in <see cref="CredentialThrottle"/>.
/// </summary>
internal sealed class OneTimeCodes(AccessDbContext db, ISmsSender sms, CredentialThrottle throttle, IOptions<AccessOptions> options, TimeProvider clock)
{
    public const string WrongCode = "The code is wrong or has expired. Ask for a new one.";

    /// <summary>Texts a code unless this number had one moments ago (its earlier code still works then).</summary>
    /// <summary>
    /// Someone asks for a code for <paramref name="phone"/> (to sign in with it or choose a new password): the same
    /// answer whether or not the number has an account, and the same limit for every number, so neither can be probed.
    /// </summary>
    public async Task RequestAsync(string? phone, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var number = errors.RequirePhone(phone);
        errors.ThrowIfAny();

        if (!throttle.TryReserveCode(number, out var retryAfter))
        {
            throw new TooManyAttemptsException("A code was sent to this number moments ago; wait before asking for another.", retryAfter);
        }

        if (await db.Accounts.AnyAsync(a => a.Phone == number, cancellationToken))
        {
            await IssueAsync(number, cancellationToken);
        }
    }

    public async Task SendUnlessThrottledAsync(PhoneNumber phone, CancellationToken cancellationToken)
    {
        if (throttle.TryReserveCode(phone, out _))
        {
            await IssueAsync(phone, cancellationToken);
        }
    }

    /// <summary>
    /// The account of <paramref name="phone"/> and its code, when <paramref name="code"/> is that number's usable code;
    /// otherwise null, after counting the failure against the number from this address (an unknown number fails alike).
    /// </summary>
    public async Task<(Account Account, PhoneVerification Code)?> ProveAsync(
        PhoneNumber phone, string code, string clientAddress, CancellationToken cancellationToken)
    {
        var account = await db.Accounts.SingleOrDefaultAsync(a => a.Phone == phone, cancellationToken);
        var verification = await MatchAsync(phone, code, cancellationToken);
        if (account is null || verification is null)
        {
            throttle.RecordCodeFailure(phone, clientAddress);
            return null;
        }

        return (account, verification);
    }

    /// <summary>
    /// The number's latest code if <paramref name="code"/> is it and it is still usable, else null. A wrong guess is
    /// counted against the code (saved at once). The caller consumes the code when it is used.
    /// </summary>
    public async Task<PhoneVerification?> MatchAsync(PhoneNumber phone, string code, CancellationToken cancellationToken)
    {
        var verification = await db.PhoneVerifications
            .Where(v => v.Phone == phone && v.ConsumedAt == null)
            .OrderByDescending(v => v.CreatedAt)
            .FirstOrDefaultAsync(cancellationToken);
        if (verification is null)
        {
            return null;
        }

        if (verification.Matches(code, clock.GetUtcNow()))
        {
            return verification;
        }

        await db.SaveChangesAsync(cancellationToken);
        return null;
    }

    /// <summary>A code as people type it: six digits, spaces ignored.</summary>
    public static string RequireCode(ValidationErrors errors, string? code, string field = "code")
    {
        ArgumentNullException.ThrowIfNull(errors);
        var digits = (code ?? "").Replace(" ", "", StringComparison.Ordinal);
        errors.Require(digits.Length == 6 && digits.All(char.IsAsciiDigit), field, "Enter the six-digit code from the text message.");
        return digits;
    }

    /// <summary>Texts a new code now; the caller has reserved it with <see cref="CredentialThrottle.TryReserveCode"/>.</summary>
    public async Task IssueAsync(PhoneNumber phone, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var lifetime = options.Value.VerificationCodeLifetime;
        var (verification, code) = PhoneVerification.Issue(new PhoneVerificationId(NewId.Next(clock)), phone, now, lifetime);
        db.PhoneVerifications.Add(verification);
        await db.SaveChangesAsync(cancellationToken);
        var minutes = lifetime.TotalMinutes.ToString("0", CultureInfo.InvariantCulture);
        await sms.SendAsync(phone, $"【RuralCommerce】验证码 {code}，{minutes} 分钟内有效，请勿告诉他人。Your code is {code}; never share it.", cancellationToken);
    }
}
