using Microsoft.EntityFrameworkCore;
using RuralCommerce.Shared.Infrastructure.Persistence;

namespace RuralCommerce.Cooperatives.Persistence;

internal abstract class CooperativesDbContext(DbContextOptions options) : ModuleDbContext(options)
{
    internal const string SchemaName = "cooperatives";

    public override string Schema => SchemaName;
}

/// <summary>The embedded default; migrations in Persistence/Migrations/Sqlite.</summary>
internal sealed class SqliteCooperativesDbContext(DbContextOptions<SqliteCooperativesDbContext> options) : CooperativesDbContext(options);

/// <summary>Production; migrations in Persistence/Migrations/SqlServer.</summary>
internal sealed class SqlServerCooperativesDbContext(DbContextOptions<SqlServerCooperativesDbContext> options) : CooperativesDbContext(options);
