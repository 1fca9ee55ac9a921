using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;

namespace RuralCommerce.Shared.Infrastructure.Persistence;

public static class OneConnection
{
    /// <summary>
    /// Keeps one connection of <typeparamref name="TContext"/> open for the whole request, instead of one opened and
    /// closed per query. On SQLite every open sets the connection up again (EF Core's functions, the busy timeout), and
    /// a placement runs half a dozen queries. Add it before <c>WithIdempotency</c>, so the key's commit runs inside it.
    /// Only for endpoints that end every transaction they open with a commit or a rollback: closing the connection is
    /// what gives SQLite's write gate back for a transaction that was only disposed.
    /// </summary>
    public static RouteHandlerBuilder WithOneConnection<TContext>(this RouteHandlerBuilder builder)
        where TContext : ModuleDbContext
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.AddEndpointFilter<OneConnectionFilter<TContext>>();
    }
}

internal sealed class OneConnectionFilter<TContext>(TContext db) : IEndpointFilter
    where TContext : ModuleDbContext
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        await db.Database.OpenConnectionAsync(context.HttpContext.RequestAborted);
        try
        {
            return await next(context);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}
