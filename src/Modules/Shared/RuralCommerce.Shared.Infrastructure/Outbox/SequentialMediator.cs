using System.Reflection;
using MediatR;
using Microsoft.Extensions.DependencyInjection;

namespace RuralCommerce.Shared.Infrastructure.Outbox;

/// <summary>
/// MediatR's default publish stops at the first failing handler. This one runs every handler and then reports all
/// failures together, so one broken subscriber cannot starve the others; their inbox rows make the retry that
/// follows harmless for the handlers that already succeeded.
/// </summary>
internal sealed class SequentialMediator(ServiceFactory serviceFactory) : Mediator(serviceFactory)
{
    // MediatR 5 hands over a lazy sequence: each handler starts only when the loop reaches it.
    protected override async Task PublishCore(IEnumerable<Task> allHandlers)
    {
        ArgumentNullException.ThrowIfNull(allHandlers);
        var failures = new List<Exception>();
        using var handlers = allHandlers.GetEnumerator();
        while (true)
        {
            try
            {
                if (!handlers.MoveNext())
                {
                    break;
                }

                await handlers.Current;
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                failures.Add(exception);
            }
        }

        if (failures.Count > 0)
        {
            throw new AggregateException("One or more integration event handlers failed.", failures);
        }
    }
}

public static class IntegrationEventHandlerRegistration
{
    /// <summary>Registers every notification handler a module assembly declares (MediatR 5 has no DI package).</summary>
    public static IServiceCollection AddIntegrationEventHandlersFrom(this IServiceCollection services, Assembly assembly)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        var handlers =
            from type in assembly.GetTypes()
            where type is { IsAbstract: false, IsGenericTypeDefinition: false }
            from contract in type.GetInterfaces()
            where contract.IsGenericType && contract.GetGenericTypeDefinition() == typeof(INotificationHandler<>)
            select (contract, type);
        foreach (var (contract, type) in handlers)
        {
            services.AddScoped(contract, type);
        }

        return services;
    }
}
