using Microsoft.EntityFrameworkCore;
using RuralCommerce.Shared.Infrastructure.Persistence;

namespace RuralCommerce.Access.Persistence;

internal abstract class AccessDbContext(DbContextOptions options) : ModuleDbContext(options)
{
    internal const string SchemaName = "access";

    public override string Schema => SchemaName;
}

/// <summary>The embedded default; migrations in Persistence/Migrations/Sqlite.</summary>
internal sealed class SqliteAccessDbContext(DbContextOptions<SqliteAccessDbContext> options) : AccessDbContext(options);

/// <summary>Production; migrations in Persistence/Migrations/SqlServer.</summary>
internal sealed class SqlServerAccessDbContext(DbContextOptions<SqlServerAccessDbContext> options) : AccessDbContext(options);
