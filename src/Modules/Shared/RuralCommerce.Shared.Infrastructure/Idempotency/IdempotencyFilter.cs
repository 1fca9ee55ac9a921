using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using RuralCommerce.Shared.Infrastructure.Observability;
using RuralCommerce.Shared.Infrastructure.Persistence;
using RuralCommerce.Shared.Infrastructure.Security;
using RuralCommerce.SharedKernel;

namespace RuralCommerce.Shared.Infrastructure.Idempotency;

public static class Idempotency
{
    public const string HeaderName = "Idempotency-Key";
    public const string ReplayedHeaderName = "Idempotent-Replayed";
    private const int MaxKeyLength = 100;

    /// <summary>
    /// Lets a phone on a poor network retry this mutation safely: a request carrying an <c>Idempotency-Key</c> runs
    /// once; a retry with the same key and body gets the first answer again and changes nothing. The key is stored in
    /// <typeparamref name="TContext"/>, in the same transaction as the request's own changes. The transaction opens
    /// before the handler runs, unless <paramref name="handlerOpensWrites"/>: then the handler reads first and opens it
    /// with <see cref="ModuleDbContext.BeginWritesAsync"/> right before its writes (a hot path on SQLite holds the
    /// file's one writer for less), and the filter commits it with the key after the handler returns.
    /// </summary>
    public static RouteHandlerBuilder WithIdempotency<TContext>(this RouteHandlerBuilder builder, bool handlerOpensWrites = false)
        where TContext : ModuleDbContext
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder
            .AddEndpointFilter<IdempotencyFilter<TContext>>()
            .WithMetadata(new IdempotentEndpoint(handlerOpensWrites));
    }

    /// <summary>Bodies of requests that carry a key are buffered, so the filter can hash them after model binding.</summary>
    public static IApplicationBuilder UseIdempotencyKeys(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            if (context.Request.Headers.ContainsKey(HeaderName))
            {
                context.Request.EnableBuffering();
            }

            return next(context);
        });

    internal static string? ReadKey(HttpContext context)
    {
        var key = context.Request.Headers[HeaderName].ToString();
        if (key.Length == 0)
        {
            return null;
        }

        return key.Length <= MaxKeyLength && key.All(c => c is >= '!' and <= '~')
            ? key
            : throw new RequestValidationException(HeaderName, $"Use up to {MaxKeyLength} visible ASCII characters, e.g. a UUID.");
    }
}

/// <summary>The same <c>Idempotency-Key</c> came with another body: the API answers 422 (IETF httpapi Idempotency-Key draft).</summary>
public sealed class IdempotencyKeyReusedException(string message) : Exception(message);

/// <summary>Marks an endpoint as accepting <c>Idempotency-Key</c> (shown in the OpenAPI document).</summary>
public sealed class IdempotentEndpoint(bool handlerOpensWrites)
{
    public bool HandlerOpensWrites { get; } = handlerOpensWrites;
}

internal sealed class IdempotencyFilter<TContext>(TContext db, TimeProvider clock, IOptions<JsonOptions> json) : IEndpointFilter
    where TContext : ModuleDbContext
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var key = Idempotency.ReadKey(http);
        if (key is null)
        {
            return await next(context);
        }

        var scope = Scope(http);
        var requestHash = await HashBodyAsync(http.Request);
        var late = http.GetEndpoint()?.Metadata.GetMetadata<IdempotentEndpoint>()?.HandlerOpensWrites == true;

        // On SQLite an early transaction takes the write lock at once, so two retries with one key queue instead of
        // racing; a late one leaves the race to the key's primary key, and the loser replays the winner's answer.
        var transaction = late ? null : await db.Database.BeginTransactionAsync(http.RequestAborted);
        try
        {
            var earlier = await FindAsync(scope, key, http.RequestAborted);
            if (earlier is not null)
            {
                return Replay(earlier, requestHash, http);
            }

            var record = IdempotentRequest.Start(scope, key, requestHash, clock.GetUtcNow());
            db.IdempotentRequests.Add(record);
            db.KeyCommitsWrites = late;
            var result = await next(context);
            record.Complete(
                (result as IStatusCodeHttpResult)?.StatusCode ?? StatusCodes.Status200OK,
                result is IValueHttpResult { Value: { } value } ? JsonSerializer.Serialize(value, value.GetType(), json.Value.SerializerOptions) : null);
            transaction ??= db.Database.CurrentTransaction ?? await db.Database.BeginTransactionAsync(http.RequestAborted);
            await db.SaveChangesAsync(http.RequestAborted);
            await transaction.CommitAsync(http.RequestAborted);
            return result;
        }
        catch (DbUpdateException)
        {
            // Another request with the same key committed first (SQL Server's concurrent inserts, or a late transaction).
            await AbandonAsync(transaction);
            var winner = await FindAsync(scope, key, CancellationToken.None);
            return winner is null
                ? throw new ConflictException("RequestInProgress", $"A request with this {Idempotency.HeaderName} is still being processed; retry in a moment.")
                : Replay(winner, requestHash, http);
        }
        catch
        {
            await AbandonAsync(transaction);
            throw;
        }
        finally
        {
            db.KeyCommitsWrites = false;
            if (transaction is not null)
            {
                await transaction.DisposeAsync();
            }
        }
    }

    private Task<IdempotentRequest?> FindAsync(string scope, string key, CancellationToken cancellationToken) =>
        db.IdempotentRequests.AsNoTracking().SingleOrDefaultAsync(r => r.Scope == scope && r.Key == key, cancellationToken);

    /// <summary>Forgets the request's changes and rolls back whichever transaction holds them: the filter's, or the one the handler opened late.</summary>
    private async Task AbandonAsync(IDbContextTransaction? transaction)
    {
        db.ChangeTracker.Clear();
        var open = transaction ?? db.Database.CurrentTransaction;
        if (open is not null)
        {
            await open.RollbackAsync(CancellationToken.None);
            await open.DisposeAsync();
        }
    }

    /// <summary>
    /// Caller, endpoint and route values as values (a Guid in upper or lower case, <c>007</c> or <c>7</c> are one
    /// value), so a key cannot be replayed past by spelling the same path differently.
    /// </summary>
    internal static string Scope(HttpContext http)
    {
        var caller = http.User.Identity?.IsAuthenticated == true ? http.User.AccountId() : Guid.Empty;
        var endpoint = http.GetEndpoint()?.Metadata.GetMetadata<IEndpointNameMetadata>()?.EndpointName
                       ?? $"{http.Request.Method} {(http.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText}";
        var routeValues = http.Request.RouteValues
            .OrderBy(v => v.Key, StringComparer.OrdinalIgnoreCase)
            .Select(v => $"{v.Key.ToUpperInvariant()}={Normalise(v.Value)}");
        return Hash($"{caller:D} {endpoint} {string.Join('&', routeValues)}");
    }

    private static string Normalise(object? value)
    {
        var text = Convert.ToString(value, CultureInfo.InvariantCulture) ?? "";
        if (Guid.TryParse(text, out var guid))
        {
            return guid.ToString("D");
        }

        return long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number)
            ? number.ToString(CultureInfo.InvariantCulture)
            : text.Normalize(NormalizationForm.FormC).ToUpperInvariant();
    }

    private static IResult Replay(IdempotentRequest earlier, string requestHash, HttpContext http)
    {
        if (earlier.RequestHash != requestHash)
        {
            throw new IdempotencyKeyReusedException(
                $"This {Idempotency.HeaderName} was already used for a different request to the same resource. Use a new key for a new request.");
        }

        http.Response.Headers[Idempotency.ReplayedHeaderName] = "true";
        Telemetry.IdempotentReplays.Add(1);
        return earlier.ResponseBody is null
            ? Results.StatusCode(earlier.StatusCode)
            : Results.Content(earlier.ResponseBody, "application/json", Encoding.UTF8, earlier.StatusCode);
    }

    private static async Task<string> HashBodyAsync(HttpRequest request)
    {
        if (!request.Body.CanSeek)
        {
            return Hash("");
        }

        request.Body.Position = 0;
        var hash = Convert.ToHexString(await SHA256.HashDataAsync(request.Body));
        request.Body.Position = 0;
        return hash;
    }

    private static string Hash(string value) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(value)));
}
