using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Xunit;

namespace RuralCommerce.TestSupport;

/// <summary>
/// One answer of the API: its status, and its body read as <typeparamref name="T"/> when it succeeded or as a
/// ProblemDetails when it did not. Reading the wrong one fails the test with the status and the body in the message.
/// </summary>
public sealed class Reply<T>
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private Reply(HttpStatusCode status, HttpResponseHeaders headers, string text)
    {
        Status = status;
        Headers = headers;
        Text = text;
    }

    public HttpStatusCode Status { get; }

    public HttpResponseHeaders Headers { get; }

    /// <summary>The body as the wire carried it.</summary>
    public string Text { get; }

    public bool Succeeded => (int)Status is >= 200 and < 300;

    public T Body
    {
        get
        {
            Assert.True(Succeeded, $"Expected a success but got {(int)Status} {Status}: {Text}");
            return JsonSerializer.Deserialize<T>(Text, Json)!;
        }
    }

    /// <summary>The RFC 9457 ProblemDetails of a refused call.</summary>
    public JsonElement Problem
    {
        get
        {
            Assert.False(Succeeded, $"Expected a refusal but got {(int)Status} {Status}: {Text}");
            return JsonDocument.Parse(Text).RootElement.Clone();
        }
    }

    /// <summary>The name of the broken domain rule of a 409, e.g. <c>CooperativeKeepsAtLeastOneAdminRule</c>.</summary>
    public string? BrokenRule => Problem.TryGetProperty("rule", out var rule) ? rule.GetString() : null;

    /// <summary>The fields a 400 names, each with its messages.</summary>
    public IReadOnlyDictionary<string, string[]> FieldErrors =>
        Problem.TryGetProperty("errors", out var errors)
            ? errors.Deserialize<Dictionary<string, string[]>>(Json)!
            : new Dictionary<string, string[]>();

    public static async Task<Reply<T>> ReadAsync(HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        using (response)
        {
            return new Reply<T>(response.StatusCode, response.Headers, await response.Content.ReadAsStringAsync());
        }
    }
}

/// <summary>The body of an answer that has none (204).</summary>
public sealed record NoContent;
