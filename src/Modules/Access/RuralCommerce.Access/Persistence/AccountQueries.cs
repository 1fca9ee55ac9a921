using RuralCommerce.Access.Domain.Accounts;
using RuralCommerce.Shared.Infrastructure.Persistence;

namespace RuralCommerce.Access.Persistence;

internal static class AccountQueries
{
    /// <summary>Accounts holding the platform role <paramref name="role"/> (one LIKE on the stored role set).</summary>
    public static IQueryable<Account> WithPlatformRole(this IQueryable<Account> accounts, string role) =>
        accounts.Where(RoleSetMapping.HoldsRole<Account>(Account.PlatformRolesField, role));
}
