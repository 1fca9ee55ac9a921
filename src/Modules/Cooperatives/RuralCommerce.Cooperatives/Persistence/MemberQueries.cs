using RuralCommerce.Cooperatives.Domain.Members;
using RuralCommerce.Shared.Infrastructure.Persistence;

namespace RuralCommerce.Cooperatives.Persistence;

internal static class MemberQueries
{
    /// <summary>Members holding <paramref name="role"/> (one LIKE on the stored role set).</summary>
    public static IQueryable<Member> WithRole(this IQueryable<Member> members, string role) =>
        members.Where(RoleSetMapping.HoldsRole<Member>(Member.RolesField, role));

}
