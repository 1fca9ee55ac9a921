using System.Net;
using System.Text;
using System.Text.Json;
using RuralCommerce.TestSupport;

namespace RuralCommerce.Host.Tests;

/// <summary>The OpenAPI document tells the truth: every answer an operation can give, and what its input may be.</summary>
public sealed class OpenApiDocumentTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private static readonly string[] RateLimited =
    [
        "POST /api/access/register", "POST /api/access/phone-verification/code", "POST /api/access/phone-verification",
        "POST /api/access/sign-in", "POST /api/access/sign-in/code", "POST /api/access/password-reset",
        "POST /api/access/token/refresh", "POST /api/access/me/password",
        "POST /api/orders", "POST /api/orders/cart/checkout",
    ];

    [Fact]
    public async Task Every_operation_is_described_and_lists_the_failures_it_can_give()
    {
        var operations = await OperationsAsync();

        Assert.True(operations.Count >= 45, $"only {operations.Count} operations");
        foreach (var (name, operation) in operations)
        {
            var responses = operation.GetProperty("responses").EnumerateObject().Select(r => r.Name).ToHashSet();
            Assert.False(string.IsNullOrWhiteSpace(operation.TryGetProperty("description", out var d) ? d.GetString() : null), $"{name} has a description");
            var anonymous = operation.GetProperty("security").GetArrayLength() == 0;
            if (!anonymous)
            {
                Assert.True(responses.IsSupersetOf(["401", "403"]), $"{name} lists 401 and 403");
            }

            if (operation.TryGetProperty("requestBody", out _))
            {
                Assert.True(responses.IsSupersetOf(["400", "413", "415"]), $"{name} lists 400, 413 and 415");
            }

            if (operation.TryGetProperty("parameters", out var parameters) && parameters.EnumerateArray().Any(p => p.GetProperty("name").GetString() == "Idempotency-Key"))
            {
                Assert.True(responses.IsSupersetOf(["409", "422"]), $"{name} lists 409 and 422");
            }

            Assert.True(RateLimited.Contains(name) == responses.Contains("429"), $"{name} lists 429 exactly when it is rate-limited");
        }
    }

    [Fact]
    public async Task Anonymous_operations_carry_no_security_requirement_and_the_rest_need_a_bearer_token()
    {
        var operations = await OperationsAsync();

        var anonymous = operations.Where(o => o.Operation.GetProperty("security").GetArrayLength() == 0).Select(o => o.Name).ToList();
        Assert.Contains("POST /api/access/sign-in", anonymous);
        Assert.Contains("GET /api/access/health", anonymous);
        Assert.DoesNotContain("GET /api/access/me", anonymous);
        Assert.All(operations.Where(o => !anonymous.Contains(o.Name)), o =>
            Assert.Equal("Bearer", o.Operation.GetProperty("security")[0].EnumerateObject().Single().Name));
    }

    [Fact]
    public async Task Request_schemas_declare_what_the_handlers_enforce_and_require_only_what_they_require()
    {
        var schemas = (await DocumentAsync()).GetProperty("components").GetProperty("schemas");

        Assert.Equal(["name", "phone", "village"], Required(schemas, "AddMemberRequest"));
        Assert.Equal(["amount"], Required(schemas, "ChargeDuesRequest"));
        var register = schemas.GetProperty("RegisterRequest").GetProperty("properties");
        Assert.Equal(8, register.GetProperty("password").GetProperty("minLength").GetInt32());
        Assert.Equal(128, register.GetProperty("password").GetProperty("maxLength").GetInt32());
        Assert.Equal(100, register.GetProperty("displayName").GetProperty("maxLength").GetInt32());
        Assert.Matches(register.GetProperty("phone").GetProperty("pattern").GetString()!, "+86 139-1234-5678");
        var cooperative = schemas.GetProperty("RegisterCooperativeRequest").GetProperty("properties");
        Assert.Matches(cooperative.GetProperty("creditCode").GetProperty("pattern").GetString()!, "91510100MA61R8XK2B");
        Assert.Equal(1, schemas.GetProperty("ShareCountRequest").GetProperty("properties").GetProperty("count").GetProperty("minimum").GetInt32());
        var firstAdminRequired = schemas.GetProperty("FirstAdminRequest").GetProperty("required").EnumerateArray().Select(r => r.GetString()).ToList();
        Assert.DoesNotContain("idCardNumber", firstAdminRequired);
        Assert.Contains("phone", firstAdminRequired);
        Assert.Equal(10_000, schemas.GetProperty("ChargeDuesRequest").GetProperty("properties").GetProperty("memberIds").GetProperty("maxItems").GetInt32());
    }

    [Fact]
    public async Task Every_file_or_stream_answer_declares_its_content_type()
    {
        var operations = await OperationsAsync();

        var withoutContent = operations
            .SelectMany(o => o.Operation.GetProperty("responses").EnumerateObject()
                .Where(r => r.Name.StartsWith('2') && r.Name is not ("202" or "204") && !r.Value.TryGetProperty("content", out _))
                .Select(r => $"{o.Name} {r.Name}"))
            .ToList();
        var files = operations
            .SelectMany(o => o.Operation.GetProperty("responses").EnumerateObject()
                .Where(r => r.Name.StartsWith('2') && r.Value.TryGetProperty("content", out _))
                .SelectMany(r => r.Value.GetProperty("content").EnumerateObject().Select(c => c.Name)))
            .Where(c => !c.EndsWith("json", StringComparison.Ordinal))
            .ToHashSet();

        Assert.Empty(withoutContent);
        Assert.Superset(new HashSet<string> { "text/csv", "image/webp", "image/png", "image/svg+xml", "video/mp4", "text/event-stream" }, files);
        var video = operations.Single(o => o.Name == "GET /api/training/videos/{file}").Operation.GetProperty("responses");
        Assert.Equal("binary", video.GetProperty("206").GetProperty("content").GetProperty("video/mp4").GetProperty("schema").GetProperty("format").GetString());
    }

    [Fact]
    public async Task Every_request_body_and_json_answer_has_an_example_that_keeps_to_its_schema()
    {
        var operations = await OperationsAsync();
        var contract = factory.Contract;

        var media = operations.SelectMany(o =>
            (o.Operation.TryGetProperty("requestBody", out var body) ? [("request", body)] : Array.Empty<(string, JsonElement)>())
            .Concat(o.Operation.GetProperty("responses").EnumerateObject().Where(r => r.Name.StartsWith('2')).Select(r => (r.Name, r.Value)))
            .Where(m => m.Item2.TryGetProperty("content", out var content) && content.TryGetProperty("application/json", out _))
            .Select(m => (Where: $"{o.Name} {m.Item1}", Media: m.Item2.GetProperty("content").GetProperty("application/json"))))
            .ToList();

        Assert.True(media.Count > 150, $"only {media.Count} JSON bodies");
        Assert.All(media, m =>
        {
            Assert.True(m.Media.TryGetProperty("example", out var example), $"{m.Where} has an example");
            Assert.Null(contract.SchemaErrors(m.Media.GetProperty("schema"), example.GetRawText()));
        });
        var order = media.Single(m => m.Where == "POST /api/orders request").Media.GetProperty("example");
        Assert.Equal("杨秀英", order.GetProperty("delivery").GetProperty("recipient").GetString());
        Assert.Equal("雷山县", order.GetProperty("delivery").GetProperty("county").GetString());
    }

    [Fact]
    public async Task Money_is_decimal_counts_are_integers_and_a_409_carries_its_extensions()
    {
        var document = await DocumentAsync();
        var schemas = document.GetProperty("components").GetProperty("schemas");

        var numbers = schemas.EnumerateObject()
            .SelectMany(s => s.Value.TryGetProperty("properties", out var properties) ? properties.EnumerateObject().Select(p => (Name: $"{s.Name}.{p.Name}", Schema: p.Value)) : [])
            .Where(p => p.Schema.TryGetProperty("type", out var type) && (type.ToString().Contains("number", StringComparison.Ordinal) || type.ToString().Contains("integer", StringComparison.Ordinal)))
            .ToList();
        Assert.All(numbers, n => Assert.DoesNotContain("string", n.Schema.GetProperty("type").ToString(), StringComparison.Ordinal));
        Assert.Equal("decimal", schemas.GetProperty("OrderResponse").GetProperty("properties").GetProperty("total").GetProperty("format").GetString());
        Assert.Equal("decimal", schemas.GetProperty("OrderLineRequest").GetProperty("properties").GetProperty("quantity").GetProperty("format").GetString());
        Assert.Contains("whole for Bottle", schemas.GetProperty("OrderLineRequest").GetProperty("properties").GetProperty("quantity").GetProperty("description").GetString(), StringComparison.Ordinal);
        var shortLine = schemas.GetProperty("ConflictProblemDetails").GetProperty("properties").GetProperty("shortLines").GetProperty("items").GetProperty("properties");
        Assert.Equal("decimal", shortLine.GetProperty("available").GetProperty("format").GetString());
        var placeOrder = document.GetProperty("paths").GetProperty("/api/orders").GetProperty("post");
        Assert.Equal("#/components/schemas/ConflictProblemDetails",
            placeOrder.GetProperty("responses").GetProperty("409").GetProperty("content").GetProperty("application/problem+json").GetProperty("schema").GetProperty("$ref").GetString());
        Assert.Equal(["address", "county", "name", "province"], Required(schemas, "RegisterCentreRequest").Order());
        Assert.Equal(["address"], Required(schemas, "SaveAddressRequest"));
    }

    [Fact]
    public async Task Enums_query_names_and_provider_headers_are_declared()
    {
        var document = await DocumentAsync();
        var paths = document.GetProperty("paths");
        var schemas = document.GetProperty("components").GetProperty("schemas");

        var queryNames = paths.EnumerateObject().SelectMany(p => p.Value.EnumerateObject())
            .SelectMany(o => o.Value.TryGetProperty("parameters", out var parameters) ? parameters.EnumerateArray() : [])
            .Where(p => p.GetProperty("in").GetString() == "query").Select(p => p.GetProperty("name").GetString()!).ToList();
        Assert.All(queryNames, name => Assert.True(char.IsLower(name[0]), $"{name} is camelCase"));
        var paymentMethod = schemas.GetProperty("PlaceOrderRequest").GetProperty("properties").GetProperty("paymentMethod");
        Assert.Equal(
            new HashSet<string?> { "WeChatPay", "Alipay", "BankTransfer", "CashOnDelivery" },
            paymentMethod.GetProperty("enum").EnumerateArray().Select(e => e.GetString()).ToHashSet());
        Assert.Contains("Jin", schemas.GetProperty("CreateProductRequest").GetProperty("properties").GetProperty("unit").GetProperty("enum").EnumerateArray().Select(e => e.GetString()));
        var sort = paths.GetProperty("/api/catalog/shop/products").GetProperty("get").GetProperty("parameters").EnumerateArray().Single(p => p.GetProperty("name").GetString() == "sort");
        Assert.Contains("PriceAscending", sort.GetProperty("schema").GetProperty("enum").EnumerateArray().Select(e => e.GetString()));
        var callback = paths.GetProperty("/api/orders/payments/callback").GetProperty("post").GetProperty("parameters").EnumerateArray();
        Assert.Contains(callback, p => p.GetProperty("name").GetString() == "X-Payment-Signature" && p.GetProperty("in").GetString() == "header" && p.GetProperty("required").GetBoolean());
    }

    [Fact]
    public async Task A_body_that_is_not_JSON_is_415()
    {
        var response = await factory.CreateClient().PostAsync(
            new Uri("/api/access/sign-in", UriKind.Relative), new StringContent("phone=1&password=2", Encoding.UTF8, "application/x-www-form-urlencoded"));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    /// <summary>
    /// Authentication comes first everywhere: an anonymous caller sending the wrong kind of body to an upload that
    /// needs a token learns nothing but 401; a signed-in caller is told the real mistake (415).
    /// </summary>
    [Fact]
    public async Task An_upload_with_the_wrong_body_is_401_before_415_without_a_token()
    {
        using var raw = factory.CreateDefaultClient();
        using var document = JsonDocument.Parse(await raw.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative)));
        var uploads = document.RootElement.GetProperty("paths").EnumerateObject()
            .SelectMany(p => p.Value.EnumerateObject().Select(o => (Path: p.Name, Method: o.Name, Operation: o.Value)))
            .Where(o => o.Operation.TryGetProperty("requestBody", out var body) && body.GetProperty("content").TryGetProperty("multipart/form-data", out _))
            .ToList();
        using var signedIn = factory.CreateDefaultClient();
        signedIn.DefaultRequestHeaders.Authorization = new("Bearer", ApiFactory.Token([RuralCommerce.Shared.Infrastructure.Security.PlatformRoles.Admin]));

        foreach (var (path, method, _) in uploads)
        {
            var url = System.Text.RegularExpressions.Regex.Replace(path, "{[^}]+}", Guid.CreateVersion7().ToString());
            using var anonymous = await raw.SendAsync(new HttpRequestMessage(new HttpMethod(method.ToUpperInvariant()), new Uri(url, UriKind.Relative))
            {
                Content = new StringContent("{}", Encoding.UTF8, "application/json"),
            });
            using var withToken = await signedIn.SendAsync(new HttpRequestMessage(new HttpMethod(method.ToUpperInvariant()), new Uri(url, UriKind.Relative))
            {
                Content = new StringContent("{}", Encoding.UTF8, "application/json"),
            });

            Assert.True(anonymous.StatusCode == HttpStatusCode.Unauthorized, $"{method} {path} without a token: {(int)anonymous.StatusCode}");
            Assert.True(withToken.StatusCode == HttpStatusCode.UnsupportedMediaType, $"{method} {path} with a token: {(int)withToken.StatusCode}");
        }

        Assert.True(uploads.Count >= 5, $"found {uploads.Count} uploads");
    }

    [Fact]
    public void The_contract_check_catches_an_unlisted_status_and_a_body_off_its_schema()
    {
        var contract = factory.Contract;

        var unlisted = contract.Check(HttpMethod.Get, "/api/access/me", HttpStatusCode.Gone, null, "");
        var offSchema = contract.Check(HttpMethod.Post, "/api/access/sign-in", HttpStatusCode.OK, "application/json", """{"accessToken":42}""");
        var fine = contract.Check(HttpMethod.Get, "/api/access/health", HttpStatusCode.OK, "application/json", """{"status":"Healthy","checks":[]}""");

        Assert.Contains("410", unlisted, StringComparison.Ordinal);
        Assert.Contains("does not match its schema", offSchema, StringComparison.Ordinal);
        Assert.Null(fine);
    }

    private static List<string> Required(JsonElement schemas, string name) =>
        schemas.GetProperty(name).GetProperty("required").EnumerateArray().Select(r => r.GetString()!).ToList();

    private async Task<JsonElement> DocumentAsync()
    {
        using var document = JsonDocument.Parse(await factory.CreateClient().GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative)));
        return document.RootElement.Clone();
    }

    private async Task<List<(string Name, JsonElement Operation)>> OperationsAsync() =>
        (await DocumentAsync()).GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject().Select(op => ($"{op.Name.ToUpperInvariant()} {path.Name}", op.Value)))
            .ToList();
}
