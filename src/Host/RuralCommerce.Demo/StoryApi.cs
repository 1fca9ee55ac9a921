using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace RuralCommerce.Demo;

/// <summary>Somebody in the story with an account: signs in once, then keeps their session going as a phone app does.</summary>
internal sealed class Person(string name, string phone, string password)
{
    public string Name { get; } = name;

    public string Phone { get; } = phone;

    public string Password { get; } = password;

    public Guid AccountId { get; set; }

    public string? AccessToken { get; set; }

    public string? RefreshToken { get; set; }
}

/// <summary>A step of the story the host refused: the story stops with what was asked and what came back.</summary>
public sealed class StoryStepFailedException(string message) : Exception(message);

/// <summary>The HTTP API as the story uses it: JSON in and out, a person's bearer token, their session renewed on 401.</summary>
internal sealed partial class StoryApi(IStoryHost host)
{
    private readonly HttpClient _http = host.CreateClient();

    public IStoryHost Host { get; } = host;

    public Task<JsonElement> GetAsync(Person? person, string path) => SendAsync(person, HttpMethod.Get, path, null);

    public Task<JsonElement> PostAsync(Person? person, string path, object? body = null) => SendAsync(person, HttpMethod.Post, path, body);

    public Task<JsonElement> PutAsync(Person? person, string path, object? body = null) => SendAsync(person, HttpMethod.Put, path, body);

    public Task<JsonElement> UploadAsync(Person person, string path, Dictionary<string, string> fields, string fileName, string contentType, byte[] file) =>
        SendAsync(person, HttpMethod.Post, path, null, () =>
        {
            var form = new MultipartFormDataContent();
            foreach (var (key, value) in fields)
            {
                form.Add(new StringContent(value), key);
            }

            var content = new ByteArrayContent(file);
            content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
            form.Add(content, "file", fileName);
            return form;
        });

    /// <summary>A notice from the payment provider, signed as the provider signs it.</summary>
    public async Task PostSignedAsync(string path, byte[] body, string signature)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Add("X-Payment-Signature", signature);
        using var response = await _http.SendAsync(request);
        if (!response.IsSuccessStatusCode)
        {
            throw new StoryStepFailedException($"POST {path} (payment notice) answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }
    }

    /// <summary>Registers, confirms the phone with the texted code, and signs in.</summary>
    public async Task<Person> NewPersonAsync(string name, string phone, string password)
    {
        var person = new Person(name, phone, password);
        await PostAsync(null, "/api/access/register", new { phone, displayName = name, password });
        var code = Code().Match(Host.LastTextTo(phone)).Value;
        await PostAsync(null, "/api/access/phone-verification", new { phone, code, password });
        await SignInAsync(person);
        person.AccountId = (await GetAsync(person, "/api/access/me")).GetProperty("accountId").GetGuid();
        return person;
    }

    public async Task SignInAsync(Person person)
    {
        var session = await PostAsync(null, "/api/access/sign-in", new { phone = person.Phone, password = person.Password });
        Keep(person, session);
    }

    /// <summary>A new access token, e.g. to carry a membership granted since the last one.</summary>
    public async Task RenewAsync(Person person)
    {
        using var response = await _http.PostAsJsonAsync("/api/access/token/refresh", new { refreshToken = person.RefreshToken });
        if (response.IsSuccessStatusCode)
        {
            Keep(person, await response.Content.ReadFromJsonAsync<JsonElement>());
        }
        else
        {
            await SignInAsync(person);
        }
    }

    private static void Keep(Person person, JsonElement session)
    {
        person.AccessToken = session.GetProperty("accessToken").GetString();
        person.RefreshToken = session.GetProperty("refreshToken").GetString();
    }

    private async Task<JsonElement> SendAsync(Person? person, HttpMethod method, string path, object? body, Func<HttpContent>? content = null)
    {
        for (var attempt = 1; ; attempt++)
        {
            using var request = new HttpRequestMessage(method, path)
            {
                Content = content?.Invoke() ?? (body is null ? null : JsonContent.Create(body, options: JsonSerializerOptions.Web)),
            };
            if (person?.AccessToken is { } token)
            {
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            }

            using var response = await _http.SendAsync(request);
            var text = await response.Content.ReadAsStringAsync();
            if (response.StatusCode == HttpStatusCode.Unauthorized && person is not null && attempt == 1)
            {
                // The access token ran out while the story's clock moved on: renew it as the app would.
                await RenewAsync(person);
                continue;
            }

            if (!response.IsSuccessStatusCode)
            {
                throw new StoryStepFailedException($"{method} {path} as {person?.Name ?? "anonymous"} answered {(int)response.StatusCode}: {text}");
            }

            return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
        }
    }

    /// <summary>Waits until every module's outbox is delivered (the readiness check reports each backlog).</summary>
    public async Task WaitForQuietAsync()
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            var health = await _http.GetFromJsonAsync<JsonElement>("/health/ready");
            var backlog = health.GetProperty("checks").EnumerateArray()
                .Where(c => c.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Object && data.TryGetProperty("backlog", out _))
                .Sum(c => c.GetProperty("data").GetProperty("backlog").GetInt32());
            if (backlog == 0)
            {
                return;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new StoryStepFailedException($"The outboxes still hold {backlog} undelivered messages after a minute.");
            }

            await Task.Delay(50);
        }
    }

    [GeneratedRegex(@"\d{6}")]
    private static partial Regex Code();
}
