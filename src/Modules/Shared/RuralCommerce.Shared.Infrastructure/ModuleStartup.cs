using Microsoft.Extensions.DependencyInjection;
using RuralCommerce.Shared.Infrastructure.Persistence;

namespace RuralCommerce.Shared.Infrastructure;

/// <summary>Work a module does once at start-up, after every database is migrated (e.g. the first administrator).</summary>
public interface IModuleStartupTask
{
    Task RunAsync(IServiceProvider services, CancellationToken cancellationToken);
}

public static class ModuleStartup
{
    /// <summary>Migrates every module's database (when configured to), then runs the modules' start-up tasks.</summary>
    public static async Task InitializeModulesAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        await services.MigrateModuleDatabasesAsync(cancellationToken);
        await using var scope = services.CreateAsyncScope();
        foreach (var task in scope.ServiceProvider.GetServices<IModuleStartupTask>())
        {
            await task.RunAsync(scope.ServiceProvider, cancellationToken);
        }
    }
}
