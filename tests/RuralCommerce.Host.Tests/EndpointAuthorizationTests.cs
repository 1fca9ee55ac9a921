using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;

using RuralCommerce.TestSupport;

namespace RuralCommerce.Host.Tests;

/// <summary>
/// Walks every operation in the OpenAPI document: unless it is marked anonymous (an empty security list), it must
/// refuse a caller without a token. A new endpoint without a policy fails here.
/// </summary>
public sealed partial class EndpointAuthorizationTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    /// <summary>The only operations anyone may call without a token. Adding one here is a decision, not an accident.</summary>
    private static readonly HashSet<string> Anonymous =
    [
        "POST /api/access/register",
        "POST /api/access/phone-verification/code",
        "POST /api/access/phone-verification",
        "POST /api/access/sign-in",
        "POST /api/access/sign-in/code",
        "POST /api/access/password-reset",
        "POST /api/access/token/refresh",

        // The shop and the trace pages are for buyers who never sign in; all are reads.
        "GET /api/catalog/shop/products",
        "GET /api/catalog/shop/products/{productId}",
        "GET /api/catalog/shop/cooperatives/{cooperativeId}",
        "GET /api/catalog/trace/{cooperativeId}/{batchCode}",
        "GET /api/catalog/trace/{cooperativeId}/{batchCode}/qr.png",
        "GET /api/catalog/trace/{cooperativeId}/{batchCode}/qr.svg",
        "GET /api/catalog/photos/{file}",
        "GET /api/catalog/shop/livestreams",
        "GET /api/catalog/shop/livestreams/{eventId}",

        // The course catalogue, lesson videos and certificate verification are for farmers and employers who never sign in.
        "GET /api/training/catalogue",
        "GET /api/training/catalogue/{courseId}",
        "GET /api/training/videos/{file}",
        "GET /api/training/covers/{file}",
        "GET /api/training/certificates/{code}",
        "GET /api/training/certificates/{code}/qr.png",

        // The payment provider calls back server to server; its HMAC signature is the authentication.
        "POST /api/orders/payments/callback",
    ];

    [Fact]
    public async Task Every_endpoint_not_marked_anonymous_answers_401_without_a_token()
    {
        var client = factory.CreateClient();
        using var document = JsonDocument.Parse(await client.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative)));
        var checkedOperations = 0;
        var anonymous = new List<string>();

        foreach (var path in document.RootElement.GetProperty("paths").EnumerateObject())
        {
            foreach (var operation in path.Value.EnumerateObject())
            {
                var name = $"{operation.Name.ToUpperInvariant()} {path.Name}";
                var security = operation.Value.TryGetProperty("security", out var s) ? s : default;
                if (security.ValueKind == JsonValueKind.Array && security.GetArrayLength() == 0)
                {
                    anonymous.Add(name);
                    continue;
                }

                using var request = new HttpRequestMessage(new HttpMethod(operation.Name.ToUpperInvariant()), new Uri(Concrete(path.Name), UriKind.Relative));
                var response = await client.SendAsync(request);

                Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, $"{name} answered {(int)response.StatusCode} without a token.");
                checkedOperations++;
            }
        }

        Assert.True(checkedOperations >= 2, "the walk found the protected operations");
        Assert.All(anonymous, name => Assert.True(
            name.EndsWith("/health", StringComparison.Ordinal) || Anonymous.Contains(name), $"{name} is anonymous but not on the list."));
    }

    private static string Concrete(string template) => RouteParameter().Replace(template, Guid.CreateVersion7().ToString());

    [GeneratedRegex("{[^}]+}")]
    private static partial Regex RouteParameter();
}
