using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using RuralCommerce.Shared.Infrastructure.Security;
using RuralCommerce.TestSupport;

namespace RuralCommerce.Host.Tests;

/// <summary>
/// Every limit the OpenAPI document declares — <c>maxLength</c>, <c>minLength</c>, <c>maximum</c>, <c>minimum</c>,
/// <c>minItems</c>, <c>maxItems</c>, <c>enum</c>, <c>pattern</c> and <c>required</c>, in bodies, query, path and header
/// parameters — is refused by the server with a 400 naming the field. The test reads the document, so a limit added
/// to it is tested the day it appears; a limit the server stops enforcing fails here.
/// </summary>
public sealed partial class DeclaredLimitsTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private const string CallbackSecret = "the-declared-limits-test-callback-secret";
    private static readonly Guid Cooperative = Guid.CreateVersion7();

    [Fact]
    public async Task Every_limit_the_document_declares_is_a_400_naming_the_field()
    {
        using var host = factory.WithWebHostBuilder(b => b.UseSetting("Orders:PaymentCallbackSecret", CallbackSecret));
        using var client = host.CreateClient();
        using var parsed = JsonDocument.Parse(await client.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative)));
        var document = parsed.RootElement;
        client.DefaultRequestHeaders.Authorization = new("Bearer", MayDoAnythingToken());
        var failures = new List<string>();
        var checkedLimits = 0;

        foreach (var (template, method, operation) in Operations(document))
        {
            var path = FillPath(template);
            var example = JsonBodyExample(operation);
            foreach (var (name, location, schema) in Parameters(document, operation))
            {
                foreach (var (limit, value) in Violations(document, schema, required: false))
                {
                    var url = location == "query" ? $"{path}?{name}={Uri.EscapeDataString(value!.ToString())}"
                        : location == "path" ? FillPath(template, name, value!.ToString()) : path;
                    var headers = location == "header" ? new Dictionary<string, string> { [name] = value!.ToString() } : [];
                    checkedLimits++;
                    await ExpectRefusedAsync(client, method, url, example?.ToJsonString(), headers, name, $"{method} {template} {location} {name} {limit}", failures);
                }
            }

            if (example is null)
            {
                continue;
            }

            foreach (var (field, limit, body) in BodyViolations(document, BodySchema(operation), example, ""))
            {
                checkedLimits++;
                await ExpectRefusedAsync(client, method, path, body.ToJsonString(), [], field, $"{method} {template} body {field} {limit}", failures);
            }
        }

        Assert.True(failures.Count == 0, $"{failures.Count} of {checkedLimits} limits not enforced:\n{string.Join("\n", failures)}");
        Assert.True(checkedLimits > 400, $"only {checkedLimits} limits checked");
    }

    /// <summary>A path segment that is not an id is refused with an answer the operation lists (400 or 404), never another.</summary>
    [Fact]
    public async Task A_path_segment_that_is_not_an_id_gets_an_answer_the_document_lists()
    {
        using var client = factory.CreateDefaultClient();
        using var parsed = JsonDocument.Parse(await client.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative)));
        var document = parsed.RootElement;
        client.DefaultRequestHeaders.Authorization = new("Bearer", MayDoAnythingToken());
        var unlisted = new List<string>();
        var walked = 0;

        foreach (var (template, method, operation) in Operations(document))
        {
            foreach (var (name, _, _) in Parameters(document, operation).Where(p => p.In == "path" && p.Schema.TryGetProperty("format", out var f) && f.GetString() == "uuid"))
            {
                using var request = new HttpRequestMessage(new HttpMethod(method), new Uri(FillPath(template, name, "not-an-id"), UriKind.Relative));
                if (JsonBodyExample(operation) is { } example)
                {
                    request.Content = new StringContent(example.ToJsonString(), Encoding.UTF8, "application/json");
                }

                using var response = await client.SendAsync(request);
                walked++;
                if (factory.Contract.Check(request.Method, request.RequestUri!.OriginalString.Split('?')[0], response.StatusCode, null, "") is { } violation)
                {
                    unlisted.Add(violation);
                }
            }
        }

        Assert.True(walked > 100, $"only {walked} path ids walked");
        Assert.Empty(unlisted);
    }

    private static async Task ExpectRefusedAsync(
        HttpClient client, string method, string url, string? body, Dictionary<string, string> headers, string field, string what, List<string> failures)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), new Uri(url, UriKind.Relative));
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, "application/json");
            request.Headers.Add("X-Payment-Signature", Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(CallbackSecret), Encoding.UTF8.GetBytes(body))));
        }

        foreach (var (name, value) in headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        if (response.StatusCode != HttpStatusCode.BadRequest)
        {
            failures.Add($"{what}: {(int)response.StatusCode}");
            return;
        }

        using var problem = JsonDocument.Parse(text);
        var named = problem.RootElement.TryGetProperty("errors", out var errors)
            && errors.EnumerateObject().Any(e => string.Equals(e.Name, field, StringComparison.OrdinalIgnoreCase));
        if (!named)
        {
            failures.Add($"{what}: 400 without naming {field}: {text[..Math.Min(300, text.Length)]}");
        }
    }

    /// <summary>Bodies that each break one limit of one field, the rest of the example kept.</summary>
    private static IEnumerable<(string Field, string Limit, JsonNode Body)> BodyViolations(JsonElement document, JsonElement schema, JsonNode example, string path)
    {
        var resolved = Resolve(document, schema);
        if (!resolved.TryGetProperty("properties", out var properties) || example is not JsonObject)
        {
            yield break;
        }

        var required = resolved.TryGetProperty("required", out var names) ? names.EnumerateArray().Select(n => n.GetString()!).ToHashSet() : [];
        foreach (var property in properties.EnumerateObject())
        {
            var field = path.Length == 0 ? property.Name : $"{path}.{property.Name}";
            foreach (var (limit, value) in Violations(document, property.Value, required.Contains(property.Name)))
            {
                yield return (field, limit, Replace(example, property.Name, value));
            }

            var inner = Resolve(document, property.Value);
            if (example[property.Name] is JsonObject child)
            {
                foreach (var (innerField, limit, innerBody) in BodyViolations(document, inner, child, field))
                {
                    yield return (innerField, limit, Replace(example, property.Name, innerBody));
                }
            }
            else if (example[property.Name] is JsonArray { Count: > 0 } items && items[0] is JsonObject first && inner.TryGetProperty("items", out var itemSchema))
            {
                foreach (var (innerField, limit, innerItem) in BodyViolations(document, itemSchema, first, $"{field}[0]"))
                {
                    var array = (JsonArray)items.DeepClone();
                    array[0] = innerItem;
                    yield return (innerField, limit, Replace(example, property.Name, array));
                }
            }
        }
    }

    /// <summary>One value for each limit of a schema that breaks it (<see cref="Missing"/> for a required field).</summary>
    private static IEnumerable<(string Limit, JsonNode? Value)> Violations(JsonElement document, JsonElement schema, bool required)
    {
        if (required)
        {
            yield return ("required", Missing);
        }

        var resolved = Resolve(document, schema);
        if (Number(resolved, "maxLength") is { } maxLength)
        {
            yield return ($"maxLength {maxLength}", JsonValue.Create(new string('x', (int)maxLength + 1)));
        }

        if (Number(resolved, "minLength") is { } minLength and > 0)
        {
            yield return ($"minLength {minLength}", JsonValue.Create(new string('x', (int)minLength - 1)));
        }

        var integer = resolved.TryGetProperty("type", out var type) && type.ToString().Contains("integer", StringComparison.Ordinal);
        var int32 = integer && resolved.TryGetProperty("format", out var format) && format.GetString() == "int32";
        decimal largest = int32 ? int.MaxValue : long.MaxValue;
        decimal smallest = int32 ? int.MinValue : long.MinValue;

        // A maximum that is the type's own is no limit of the API's: a larger value is not even a number of that type.
        if (Number(resolved, "maximum") is { } maximum && maximum < largest)
        {
            yield return ($"maximum {maximum}", JsonValue.Create(integer ? maximum + 1 : maximum + 0.01m));
        }

        if (Number(resolved, "minimum") is { } minimum && minimum > smallest)
        {
            yield return ($"minimum {minimum}", JsonValue.Create(integer ? minimum - 1 : minimum - 0.01m));
        }

        if (resolved.TryGetProperty("enum", out _))
        {
            yield return ("enum", JsonValue.Create("NotOneOfTheNames"));
        }

        if (resolved.TryGetProperty("pattern", out _))
        {
            yield return ("pattern", JsonValue.Create("~"));
        }

        if (Number(resolved, "maxItems") is { } maxItems && maxItems < 100_000)
        {
            yield return ($"maxItems {maxItems}", new JsonArray([.. Enumerable.Range(0, (int)maxItems + 1).Select(_ => Item(document, resolved))]));
        }

        if (Number(resolved, "minItems") is { } minItems and > 0)
        {
            yield return ($"minItems {minItems}", new JsonArray([.. Enumerable.Range(0, (int)minItems - 1).Select(_ => Item(document, resolved))]));
        }
    }

    private static readonly JsonNode Missing = JsonValue.Create("(missing)");

    /// <summary>An item for a too-long list: the item schema's example value when it is a plain value, else an empty object.</summary>
    private static JsonNode Item(JsonElement document, JsonElement array)
    {
        var items = Resolve(document, array.GetProperty("items"));
        return items.TryGetProperty("format", out var format) && format.GetString() == "uuid"
            ? JsonValue.Create(Guid.CreateVersion7())
            : items.TryGetProperty("enum", out var names) ? JsonValue.Create(names[0].GetString()!)
            : items.TryGetProperty("type", out var type) && type.ToString().Contains("string", StringComparison.Ordinal) ? JsonValue.Create("x")
            : new JsonObject();
    }

    private static JsonNode Replace(JsonNode example, string property, JsonNode? value)
    {
        var copy = (JsonObject)example.DeepClone();
        if (ReferenceEquals(value, Missing))
        {
            copy.Remove(property);
        }
        else
        {
            copy[property] = value?.DeepClone();
        }

        return copy;
    }

    private static decimal? Number(JsonElement schema, string keyword) =>
        schema.TryGetProperty(keyword, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetDecimal() : null;

    private static JsonElement Resolve(JsonElement document, JsonElement schema)
    {
        if (schema.TryGetProperty("$ref", out var reference))
        {
            return document.GetProperty("components").GetProperty("schemas").GetProperty(reference.GetString()!.Split('/')[^1]);
        }

        return schema.TryGetProperty("oneOf", out var alternatives)
            ? Resolve(document, alternatives.EnumerateArray().First(a => !a.TryGetProperty("type", out var t) || t.GetString() != "null"))
            : schema;
    }

    private static IEnumerable<(string Template, string Method, JsonElement Operation)> Operations(JsonElement document) =>
        document.GetProperty("paths").EnumerateObject()
            .SelectMany(p => p.Value.EnumerateObject().Select(o => (p.Name, o.Name.ToUpperInvariant(), o.Value)));

    private static IEnumerable<(string Name, string In, JsonElement Schema)> Parameters(JsonElement document, JsonElement operation) =>
        operation.TryGetProperty("parameters", out var parameters)
            ? parameters.EnumerateArray().Select(p => (p.GetProperty("name").GetString()!, p.GetProperty("in").GetString()!, p.GetProperty("schema")))
            : [];

    private static JsonElement BodySchema(JsonElement operation) =>
        operation.GetProperty("requestBody").GetProperty("content").GetProperty("application/json").GetProperty("schema");

    private static JsonNode? JsonBodyExample(JsonElement operation) =>
        operation.TryGetProperty("requestBody", out var body) && body.GetProperty("content").TryGetProperty("application/json", out var json)
            && json.TryGetProperty("example", out var example)
            ? JsonNode.Parse(example.GetRawText())
            : null;

    /// <summary>The path with ids that pass routing and authorization: the token's cooperative, any other id, plausible words.</summary>
    private static string FillPath(string template, string? replaced = null, string? value = null) =>
        RouteParameter().Replace(template, m => m.Groups[1].Value switch
        {
            var name when name == replaced => Uri.EscapeDataString(value!),
            "cooperativeId" => Cooperative.ToString(),
            "province" => Uri.EscapeDataString("贵州省"),
            "county" => Uri.EscapeDataString("雷山县"),
            "month" => "2026-05",
            "year" => "2026",
            "effectiveFrom" => "2026-05-01",
            "file" => "0193a5b2-7c4e-7d1a-9f3e-5b2c8d1e4a70.webp",
            "code" or "batchCode" => "LS-2026-05-A",
            "role" => "Seller",
            _ => Guid.CreateVersion7().ToString(),
        });

    /// <summary>A platform administrator, trainer and county officer who holds every role in the test's cooperative.</summary>
    private static string MayDoAnythingToken() => ApiFactory.Token(
        [PlatformRoles.Admin, PlatformRoles.Trainer, PlatformRoles.CountyOfficerOf("贵州省", "雷山县")],
        claims: new Dictionary<string, object>
        {
            [RuralClaims.Membership] = new RuralCommerce.Shared.Infrastructure.Security.MembershipClaim(Cooperative, Guid.CreateVersion7(), ["Admin", "Seller", "LivestreamHost", "Trainer"]).Format(),
            [RuralClaims.PhoneVerified] = "true",
            [RuralClaims.Name] = "龙金花",
            [RuralClaims.Phone] = "+8613908551234",
        });

    [GeneratedRegex(@"\{([^}]+)\}")]
    private static partial Regex RouteParameter();
}
