using Microsoft.EntityFrameworkCore;
using RuralCommerce.IncomeTracking.Persistence;

namespace RuralCommerce.IncomeTracking.Features.Common;

internal static class Commissions
{
    /// <summary>The cooperative's commission rate in force on <paramref name="day"/> (0 % before its first rate).</summary>
    public static async Task<decimal> PercentOnAsync(this IncomeTrackingDbContext db, Guid cooperativeId, DateOnly day, CancellationToken cancellationToken) =>
        await db.CommissionRates.AsNoTracking()
            .Where(r => r.CooperativeId == cooperativeId && r.EffectiveFrom <= day)
            .OrderByDescending(r => r.EffectiveFrom)
            .Select(r => (decimal?)r.Percent)
            .FirstOrDefaultAsync(cancellationToken) ?? 0m;
}
