using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;

namespace RuralCommerce.TestSupport;

/// <summary>
/// Pages over HTTP the way a browser without scripts uses them: cookies kept, redirects not followed, and a form posted
/// with the antiforgery token its page rendered. The real-browser journeys are in RuralCommerce.Browser.Tests.
/// </summary>
public sealed partial class PageBrowser : IDisposable
{
    private const string Chinese = "zh-CN,zh;q=0.9";
    private readonly HttpClient _http;

    public PageBrowser(ApiFactory factory, string? acceptLanguage = Chinese) => _http = CreateClient(factory, acceptLanguage);

    /// <summary>Pages of a host running as its own process (the demo), at <paramref name="address"/>.</summary>
    public PageBrowser(Uri address, string? acceptLanguage = Chinese)
    {
        _http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = new CookieContainer() })
        {
            BaseAddress = address,
        };
        if (acceptLanguage is not null)
        {
            _http.DefaultRequestHeaders.AcceptLanguage.ParseAdd(acceptLanguage);
        }
    }

    public async Task<HttpResponseMessage> GetAsync(string path, params (string Name, string Value)[] headers)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
        foreach (var (name, value) in headers)
        {
            request.Headers.Add(name, value);
        }

        return await _http.SendAsync(request);
    }

    public async Task<string> GetHtmlAsync(string path)
    {
        using var response = await GetAsync(path);
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>Opens <paramref name="path"/>, then posts its form <paramref name="formName"/> with its antiforgery token.</summary>
    public async Task<HttpResponseMessage> SubmitAsync(string path, string formName, IDictionary<string, string> fields, string? action = null)
    {
        ArgumentNullException.ThrowIfNull(fields);
        var html = await GetHtmlAsync(path);
        var token = AntiforgeryToken().Match(html);
        if (!token.Success)
        {
            throw new InvalidOperationException($"{path} rendered no antiforgery token.");
        }

        return await PostFormAsync(action ?? path, new Dictionary<string, string>(fields)
        {
            ["_handler"] = formName,
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token.Groups[1].Value),
        });
    }

    /// <summary>Signs in on the sign-in page (the form with its token); the answer is the redirect to <paramref name="returnUrl"/>.</summary>
    public Task<HttpResponseMessage> SignInAsync(string phone, string password = AccessFlows.Password, string? returnUrl = null) =>
        SubmitAsync("/signin", "signin", new Dictionary<string, string>
        {
            ["Form.Phone"] = phone,
            ["Form.Password"] = password,
            ["Form.ReturnUrl"] = returnUrl ?? "",
        });

    /// <summary>Posts exactly these fields, token or not.</summary>
    public async Task<HttpResponseMessage> PostFormAsync(string path, IDictionary<string, string> fields)
    {
        using var content = new FormUrlEncodedContent(fields);
        return await _http.PostAsync(new Uri(path, UriKind.Relative), content);
    }

    public void Dispose() => _http.Dispose();

    private static HttpClient CreateClient(ApiFactory factory, string? acceptLanguage)
    {
        ArgumentNullException.ThrowIfNull(factory);
        var client = factory.CreateDefaultClient(factory.ClientOptions.BaseAddress, new CookieContainerHandler());
        if (acceptLanguage is not null)
        {
            client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(acceptLanguage);
        }

        return client;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}
