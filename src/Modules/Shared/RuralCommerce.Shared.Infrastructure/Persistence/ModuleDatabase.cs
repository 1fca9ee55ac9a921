namespace RuralCommerce.Shared.Infrastructure.Persistence;

/// <summary>
/// One module's database as the host sees it: the outbox dispatcher, health checks, migrations and operator
/// endpoints go through this list instead of knowing any module.
/// </summary>
/// <param name="Module">Module name, e.g. <c>Cooperatives</c>.</param>
/// <param name="ContextType">The module's abstract DbContext, resolved for the configured provider.</param>
public sealed record ModuleDatabase(string Module, string Schema, Type ContextType, Type SqliteContextType, Type SqlServerContextType)
{
    public string SqliteFileName => $"{Module.ToLowerInvariant()}.db";

    public Type ContextTypeFor(DatabaseProvider provider) =>
        provider == DatabaseProvider.SqlServer ? SqlServerContextType : SqliteContextType;
}
