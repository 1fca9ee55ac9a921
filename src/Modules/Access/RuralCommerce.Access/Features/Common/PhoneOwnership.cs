using Microsoft.EntityFrameworkCore;
using RuralCommerce.Access.Domain.Accounts;
using RuralCommerce.Access.Persistence;

namespace RuralCommerce.Access.Features.Common;

internal static class PhoneOwnership
{
    /// <summary>
    /// The account proved it holds its phone (a texted code, together with its password or a new one): mark the
    /// number verified and attach the cooperative memberships held under it. Saved by the caller.
    /// </summary>
    public static async Task ConfirmPhoneAsync(this AccessDbContext db, Account account, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(account);
        account.VerifyPhone(now);
        var unlinked = await db.Memberships.Where(m => m.Phone == account.Phone && m.AccountId == null).ToListAsync(cancellationToken);
        foreach (var membership in unlinked)
        {
            membership.TryLinkTo(account, now);
        }
    }

    /// <summary>Ends every session of the account: its refresh tokens stop working and its access tokens are refused.</summary>
    public static async Task EndAllSessionsAsync(this AccessDbContext db, AccountId accountId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var live = await db.RefreshTokens.Where(t => t.AccountId == accountId && t.RevokedAt == null).ToListAsync(cancellationToken);
        await db.RevokeSessionsAsync(live, now, cancellationToken);
    }
}
