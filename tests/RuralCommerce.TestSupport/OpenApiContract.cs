using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Json.Schema;

namespace RuralCommerce.TestSupport;

/// <summary>
/// The host's own OpenAPI document, used to check every answer a test receives: its status must be listed for the
/// operation and its JSON body must match the listed schema. A test that gets an undocumented answer fails there.
/// </summary>
public sealed partial class OpenApiContract
{
    private readonly JsonElement _paths;
    private readonly string _schemas;
    private readonly List<(Regex Pattern, string Path, int Parameters)> _templates;
    private readonly ConcurrentDictionary<string, JsonSchema> _compiled = new();

    public OpenApiContract(string document)
    {
        using var parsed = JsonDocument.Parse(document);
        var root = parsed.RootElement.Clone();
        _paths = root.GetProperty("paths");
        _schemas = root.GetProperty("components").GetProperty("schemas").GetRawText().Replace("#/components/schemas/", "#/$defs/", StringComparison.Ordinal);
        _templates = _paths.EnumerateObject()
            .Select(p => (new Regex($"^{Parameter().Replace(p.Name, "[^/]+")}$", RegexOptions.IgnoreCase), p.Name, Parameter().Matches(p.Name).Count))
            .ToList();
    }

    /// <summary>The reason an answer breaks the document, or null when it keeps to it (or is not an API operation).</summary>
    public string? Check(HttpMethod method, string path, HttpStatusCode status, string? mediaType, string body)
    {
        ArgumentNullException.ThrowIfNull(method);
        var template = _templates.Where(t => t.Pattern.IsMatch(path)).OrderBy(t => t.Parameters).Select(t => t.Path).FirstOrDefault();
        if (template is null || !_paths.GetProperty(template).TryGetProperty(method.Method.ToLowerInvariant(), out var operation))
        {
            return null;
        }

        var name = $"{method.Method} {template}";
        var code = ((int)status).ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (!operation.GetProperty("responses").TryGetProperty(code, out var response))
        {
            return $"{name} answered {code}, which its OpenAPI operation does not list.";
        }

        if (body.Length == 0 || mediaType is null || !mediaType.EndsWith("json", StringComparison.Ordinal))
        {
            return null;
        }

        if (!response.TryGetProperty("content", out var content) || !content.TryGetProperty(mediaType, out var media) || !media.TryGetProperty("schema", out var schema))
        {
            return $"{name} answered {code} with a {mediaType} body, which its OpenAPI operation does not describe.";
        }

        var errors = SchemaErrors(schema, body);
        return errors is null ? null : $"{name} answered {code} with a body that does not match its schema: {errors}";
    }

    /// <summary>Why a JSON text does not match a schema of the document (a response's, a request's), or null when it does.</summary>
    public string? SchemaErrors(JsonElement schema, string body)
    {
        var compiled = _compiled.GetOrAdd(schema.GetRawText(), text => JsonSchema.FromText(
            $"{{\"$schema\":\"https://json-schema.org/draft/2020-12/schema\",\"$defs\":{_schemas},\"allOf\":[{text.Replace("#/components/schemas/", "#/$defs/", StringComparison.Ordinal)}]}}",
            baseUri: new Uri($"https://contract.ruralcommerce.test/{Guid.NewGuid():N}")));
        using var instance = JsonDocument.Parse(body);
        var result = compiled.Evaluate(instance.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        return result.IsValid
            ? null
            : string.Join("; ", (result.Details ?? [])
                .Where(d => d.Errors is { Count: > 0 })
                .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}"))
                .Take(5));
    }

    [GeneratedRegex(@"\{[^}/]+\}")]
    private static partial Regex Parameter();
}

/// <summary>Checks every answer a test client receives against the host's OpenAPI document.</summary>
public sealed class ContractCheckingHandler(Func<OpenApiContract> contract) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var response = await base.SendAsync(request, cancellationToken);
        await response.Content.LoadIntoBufferAsync(cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        var violation = contract().Check(request.Method, request.RequestUri!.AbsolutePath, response.StatusCode, response.Content.Headers.ContentType?.MediaType, body);
        return violation is null ? response : throw new OpenApiContractViolationException(violation);
    }
}

public sealed class OpenApiContractViolationException(string message) : Exception(message);
