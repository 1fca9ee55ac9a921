using Microsoft.EntityFrameworkCore;
using RuralCommerce.Shared.Infrastructure.Persistence;

namespace RuralCommerce.Catalog.Persistence;

internal abstract class CatalogDbContext(DbContextOptions options) : ModuleDbContext(options)
{
    internal const string SchemaName = "catalog";

    public override string Schema => SchemaName;
}

/// <summary>The embedded default; migrations in Persistence/Migrations/Sqlite.</summary>
internal sealed class SqliteCatalogDbContext(DbContextOptions<SqliteCatalogDbContext> options) : CatalogDbContext(options);

/// <summary>Production; migrations in Persistence/Migrations/SqlServer.</summary>
internal sealed class SqlServerCatalogDbContext(DbContextOptions<SqlServerCatalogDbContext> options) : CatalogDbContext(options);
