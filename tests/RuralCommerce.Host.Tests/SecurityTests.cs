using System.Net;
using System.Net.Http.Json;
using System.Text;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using RuralCommerce.TestSupport;

namespace RuralCommerce.Host.Tests;

public sealed class SecurityTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    [Theory]
    [InlineData("/health/live")]
    [InlineData("/api/access/me")]
    [InlineData("/no/such/page")]
    public async Task Every_answer_forbids_sniffing_framing_and_anything_not_served_by_the_host(string path)
    {
        var response = await factory.CreateClient().GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        var policy = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("default-src 'self'", policy, StringComparison.Ordinal);
        Assert.Contains("script-src 'self';", policy, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("http", policy, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_error_answer_keeps_the_headers()
    {
        var response = await factory.CreateClient().PostAsJsonAsync(new Uri("/api/access/sign-in", UriKind.Relative), new { phone = "nope" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.True(response.Headers.Contains("Content-Security-Policy"));
    }

    [Fact]
    public void The_host_does_not_announce_its_web_server()
    {
        Assert.False(factory.Services.GetRequiredService<IOptions<KestrelServerOptions>>().Value.AddServerHeader);
    }

    [Fact]
    public async Task No_HSTS_in_Development()
    {
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://ruralcommerce.example/") });

        var response = await client.GetAsync(new Uri("/health/live", UriKind.Relative));

        Assert.False(response.Headers.Contains("Strict-Transport-Security"));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_body_over_64_KB_is_refused_with_413_before_anything_reads_it(bool withLength)
    {
        var body = $"{{\"phone\":\"+8613912345678\",\"password\":\"{new string('a', 70 * 1024)}\"}}";
        HttpContent content = withLength
            ? new StringContent(body, Encoding.UTF8, "application/json")
            : new PushStreamContent(body);

        var response = await factory.CreateClient().PostAsync(new Uri("/api/access/sign-in", UriKind.Relative), content);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_password_longer_than_any_password_is_refused_before_it_is_hashed()
    {
        var response = await factory.CreateClient().PostAsJsonAsync(
            new Uri("/api/access/sign-in", UriKind.Relative), new { phone = AccessFlows.NewPhone(), password = new string('a', 60 * 1024) });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("password", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    /// <summary>A body sent in chunks, without a Content-Length, as a phone streaming JSON would.</summary>
    private sealed class PushStreamContent(string body) : HttpContent
    {
        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
            await stream.WriteAsync(Encoding.UTF8.GetBytes(body));

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }
}

/// <summary>Production with no SMS gateway configured.</summary>
public sealed class ProductionWithoutSmsApiFactory : ApiFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseEnvironment("Production");
    }
}

public sealed class ProductionSecurityTests(ProductionApiFactory factory) : IClassFixture<ProductionApiFactory>
{
    [Fact]
    public async Task HTTPS_answers_carry_HSTS_outside_Development()
    {
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://ruralcommerce.example/") });

        var response = await client.GetAsync(new Uri("/health/live", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("max-age=", response.Headers.GetValues("Strict-Transport-Security").Single(), StringComparison.Ordinal);
    }

    [Fact]
    public void Without_an_SMS_gateway_a_production_host_refuses_to_start()
    {
        using var unconfigured = new ProductionWithoutSmsApiFactory();

        var failure = Assert.ThrowsAny<Exception>(() => unconfigured.CreateClient());

        Assert.Contains("No SMS gateway is configured", failure.ToString(), StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(unconfigured.DataDirectory, "*.db"));
    }
}
