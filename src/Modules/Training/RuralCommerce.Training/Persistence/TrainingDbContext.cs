using Microsoft.EntityFrameworkCore;
using RuralCommerce.Shared.Infrastructure.Persistence;

namespace RuralCommerce.Training.Persistence;

internal abstract class TrainingDbContext(DbContextOptions options) : ModuleDbContext(options)
{
    internal const string SchemaName = "training";

    public override string Schema => SchemaName;
}

/// <summary>The embedded default; migrations in Persistence/Migrations/Sqlite.</summary>
internal sealed class SqliteTrainingDbContext(DbContextOptions<SqliteTrainingDbContext> options) : TrainingDbContext(options);

/// <summary>Production; migrations in Persistence/Migrations/SqlServer.</summary>
internal sealed class SqlServerTrainingDbContext(DbContextOptions<SqlServerTrainingDbContext> options) : TrainingDbContext(options);
