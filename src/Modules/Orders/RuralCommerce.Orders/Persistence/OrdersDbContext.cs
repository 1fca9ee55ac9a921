using Microsoft.EntityFrameworkCore;
using RuralCommerce.Shared.Infrastructure.Persistence;

namespace RuralCommerce.Orders.Persistence;

internal abstract class OrdersDbContext(DbContextOptions options) : ModuleDbContext(options)
{
    internal const string SchemaName = "orders";

    public override string Schema => SchemaName;
}

/// <summary>The embedded default; migrations in Persistence/Migrations/Sqlite.</summary>
internal sealed class SqliteOrdersDbContext(DbContextOptions<SqliteOrdersDbContext> options) : OrdersDbContext(options);

/// <summary>Production; migrations in Persistence/Migrations/SqlServer.</summary>
internal sealed class SqlServerOrdersDbContext(DbContextOptions<SqlServerOrdersDbContext> options) : OrdersDbContext(options);
