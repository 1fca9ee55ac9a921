using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RuralCommerce.SharedKernel;

namespace RuralCommerce.Shared.Infrastructure.Persistence;

/// <summary>
/// The one EF mapping of a <see cref="RoleSet"/>: an entity's private field holding <see cref="RoleSet.Encoded"/>,
/// mapped to a text column, and the query that finds holders of a role. Modules wrap the query in their own
/// extension (<c>members.WithRole(role)</c>) that names the field once, with <c>nameof</c>.
/// </summary>
public static class RoleSetMapping
{
    public const int MaxLength = 200;

    public static PropertyBuilder<string> HasRoleSet<TEntity>(this EntityTypeBuilder<TEntity> builder, string field, string column)
        where TEntity : class
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.Property<string>(field).HasColumnName(column).HasMaxLength(MaxLength).IsRequired();
    }

    /// <summary>True for rows whose role set (in <paramref name="field"/>) holds <paramref name="role"/>; translates to one LIKE.</summary>
    public static Expression<Func<TEntity, bool>> HoldsRole<TEntity>(string field, string role)
    {
        var token = RoleSet.Token(role);
        return entity => EF.Property<string>(entity!, field).Contains(token);
    }
}
