using Microsoft.EntityFrameworkCore;
using RuralCommerce.Cooperatives.Domain.Cooperatives;
using RuralCommerce.Cooperatives.Domain.Members;
using RuralCommerce.Cooperatives.Persistence;
using RuralCommerce.SharedKernel;

namespace RuralCommerce.Cooperatives.Features.Common;

internal static class PhoneUniqueness
{
    /// <summary>A phone number belongs to one current member or applicant per cooperative (a unique index backs this).</summary>
    public static async Task EnsurePhoneIsFreeAsync(this CooperativesDbContext db, CooperativeId cooperativeId, PhoneNumber phone, CancellationToken cancellationToken)
    {
        var taken = await db.Members.AnyAsync(
            m => m.CooperativeId == cooperativeId && m.Phone == phone
                 && (m.Status == MemberStatus.Applied || m.Status == MemberStatus.Active || m.Status == MemberStatus.Suspended),
            cancellationToken);
        if (taken)
        {
            throw new ConflictException("PhoneAlreadyInCooperative", "This phone number already belongs to a current member or applicant of the cooperative.");
        }
    }
}
