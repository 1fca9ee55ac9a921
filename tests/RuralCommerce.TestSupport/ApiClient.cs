using System.Net.Http.Json;

namespace RuralCommerce.TestSupport;

/// <summary>
/// The base of a module's typed scenario client: one method per endpoint, routes from the module's own
/// <c>…ApiPaths</c> constants, answers as <see cref="Reply{T}"/>.
/// </summary>
public abstract class ApiClient(HttpClient http)
{
    public const string IdempotencyKeyHeader = "Idempotency-Key";

    /// <summary>The underlying client, for the odd request a typed method does not make (a malformed body).</summary>
    public HttpClient Http { get; } = http;

    protected async Task<Reply<T>> GetAsync<T>(string path) =>
        await Reply<T>.ReadAsync(await Http.GetAsync(new Uri(path, UriKind.Relative)));

    protected Task<Reply<T>> PostAsync<T>(string path, object? body = null, string? idempotencyKey = null) =>
        SendAsync<T>(HttpMethod.Post, path, body, idempotencyKey);

    protected Task<Reply<T>> PutAsync<T>(string path, object? body) => SendAsync<T>(HttpMethod.Put, path, body, null);

    protected Task<Reply<T>> DeleteAsync<T>(string path) => SendAsync<T>(HttpMethod.Delete, path, null, null);

    /// <summary>Posts a body that is not JSON (a multipart upload).</summary>
    protected Task<Reply<T>> PostContentAsync<T>(string path, HttpContent content, string? idempotencyKey = null) =>
        SendAsync<T>(HttpMethod.Post, path, content, idempotencyKey);

    private async Task<Reply<T>> SendAsync<T>(HttpMethod method, string path, object? body, string? idempotencyKey)
    {
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative));
        request.Content = body switch
        {
            null => null,
            HttpContent content => content,
            _ => JsonContent.Create(body, body.GetType(), options: Reply<T>.Json),
        };

        if (idempotencyKey is not null)
        {
            request.Headers.Add(IdempotencyKeyHeader, idempotencyKey);
        }

        return await Reply<T>.ReadAsync(await Http.SendAsync(request));
    }
}
