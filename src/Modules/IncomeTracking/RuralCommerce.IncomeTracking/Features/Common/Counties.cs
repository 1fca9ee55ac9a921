using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using RuralCommerce.IncomeTracking.Persistence;
using RuralCommerce.Shared.Infrastructure.Security;
using RuralCommerce.SharedKernel;

namespace RuralCommerce.IncomeTracking.Features.Common;

internal static class Counties
{
    /// <summary>
    /// The cooperatives registered in the county, for a platform administrator or an officer of that county (403
    /// otherwise); 404 when none is registered there.
    /// </summary>
    public static async Task<List<Guid>> CountyCooperativesAsync(
        this IncomeTrackingDbContext db, ClaimsPrincipal caller, string province, string county, CancellationToken cancellationToken)
    {
        if (!caller.CanReadCounty(province, county))
        {
            throw new ForbiddenException("The county report is for platform administrators and this county's officers.");
        }

        var cooperatives = await db.Cooperatives.AsNoTracking().Where(c => c.Province == province.Trim() && c.County == county.Trim())
            .Select(c => c.Id).ToListAsync(cancellationToken);
        return cooperatives.Count > 0 ? cooperatives : throw new NotFoundException("County", $"{province}/{county}");
    }
}
