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

    /// <summary>
    /// A browser, a media player or an EventSource asks with an Accept that is not JSON: an unknown resource must still
    /// be 404 (bare when the client cannot take a problem document), never a 500. Walks every operation that documents
    /// a 404, with ids that exist nowhere, as a platform administrator and with each kind of Accept.
    /// </summary>
    [Fact]
    public async Task Every_operation_that_can_answer_404_answers_the_same_status_whatever_the_client_accepts()
    {
        using var raw = factory.CreateDefaultClient();
        raw.DefaultRequestHeaders.Authorization = new("Bearer", ApiFactory.Token([RuralCommerce.Shared.Infrastructure.Security.PlatformRoles.Admin]));
        using var document = JsonDocument.Parse(await raw.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative)));
        var walked = 0;
        foreach (var path in document.RootElement.GetProperty("paths").EnumerateObject())
        {
            foreach (var operation in path.Value.EnumerateObject().Where(o => o.Value.TryGetProperty("responses", out var r) && r.TryGetProperty("404", out _)))
            {
                var name = $"{operation.Name.ToUpperInvariant()} {path.Name}";
                var url = Concrete(path.Name);
                var statuses = new List<(string Accept, HttpStatusCode Status)>();
                foreach (var accept in new[] { "application/json", "text/html", "image/webp,image/*", "text/event-stream", "video/mp4" })
                {
                    using var request = new HttpRequestMessage(new HttpMethod(operation.Name.ToUpperInvariant()), new Uri(url, UriKind.Relative));
                    request.Headers.TryAddWithoutValidation("Accept", accept);
                    if (operation.Name is "post" or "put" or "patch")
                    {
                        request.Content = new StringContent("{}", System.Text.Encoding.UTF8, "application/json");
                    }

                    using var response = await raw.SendAsync(request);
                    statuses.Add((accept, response.StatusCode));
                }

                Assert.True(statuses.All(s => (int)s.Status < 500 && s.Status == statuses[0].Status),
                    $"{name}: {string.Join(", ", statuses.Select(s => $"{s.Accept} → {(int)s.Status}"))}");
                walked++;
            }
        }

        Assert.True(walked >= 50, $"walked {walked} operations that document a 404");
    }

    private static string Concrete(string template) => RouteParameter().Replace(template, Guid.CreateVersion7().ToString());

    [GeneratedRegex("{[^}]+}")]
    private static partial Regex RouteParameter();
}
