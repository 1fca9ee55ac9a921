using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using RuralCommerce.TestSupport;
using Xunit;

namespace RuralCommerce.Host.Tests;

/// <summary>
/// Debian's nginx with the shipped site configuration (build/deploy/nginx) in front of the host, on distinct loopback
/// addresses: nginx on 127.0.0.2, the host on 127.0.0.1, clients from 127.0.0.3 and up.
/// </summary>
[Collection(nameof(RealServers))]
public sealed partial class ReverseProxyTests
{
    private const string Nginx = "/usr/sbin/nginx";
    private const string ProxyAddress = "127.0.0.2";

    [Fact]
    public async Task The_host_sees_the_client_behind_nginx_and_ignores_a_forwarded_header_sent_straight_to_it()
    {
        using var folder = new TempDirectory();
        await using var host = new KestrelHost(new Dictionary<string, string>
        {
            ["ReverseProxy:KnownProxies:0"] = ProxyAddress,
            // Three credential attempts per client address, so the test can see which address the host counts.
            ["Access:CredentialRateLimit:PermitLimit"] = "3",
            ["Access:CredentialRateLimit:Window"] = "00:10:00",
        });
        var direct = host.Start();
        var (nginx, proxied) = await StartNginxAsync(folder.Path, direct);
        try
        {
            using var client3 = From("127.0.0.3");
            using var client4 = From("127.0.0.4");
            using var client5 = From("127.0.0.5");

            // Through nginx: the host counts 127.0.0.3's attempts, not nginx's address.
            for (var i = 0; i < 3; i++)
            {
                Assert.NotEqual(HttpStatusCode.TooManyRequests, await SignInAsync(client3, proxied));
            }

            Assert.Equal(HttpStatusCode.TooManyRequests, await SignInAsync(client3, proxied));
            Assert.NotEqual(HttpStatusCode.TooManyRequests, await SignInAsync(client4, proxied));

            // A header naming 127.0.0.3 sent through nginx: nginx appends the real address and the host takes that one.
            Assert.NotEqual(HttpStatusCode.TooManyRequests, await SignInAsync(client4, proxied, forwardedFor: "127.0.0.9"));
            Assert.NotEqual(HttpStatusCode.TooManyRequests, await SignInAsync(client5, proxied, forwardedFor: "127.0.0.3"));

            // Straight to the host, the header is not believed: 127.0.0.5 is not taken for the exhausted 127.0.0.3.
            Assert.NotEqual(HttpStatusCode.TooManyRequests, await SignInAsync(client5, direct, forwardedFor: "127.0.0.3"));
        }
        finally
        {
            RealServers.Stop(nginx);
        }
    }

    [Fact]
    public async Task Nginx_terminates_TLS_compresses_pages_and_keeps_static_files()
    {
        using var folder = new TempDirectory();
        await using var host = new KestrelHost(
            new Dictionary<string, string>
            {
                ["ReverseProxy:KnownProxies:0"] = ProxyAddress,
                ["Sms:Provider"] = "Http",
                ["Sms:Http:Endpoint"] = "https://sms-gateway.example/send",
                ["Sms:Http:ApiKey"] = "not-a-real-key",
            },
            environment: "Production");
        var (nginx, proxied) = await StartNginxAsync(folder.Path, host.Start());
        try
        {
            using var client = From("127.0.0.3", automaticDecompression: false);
            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(proxied, "/"));
            request.Headers.AcceptEncoding.ParseAdd("gzip");
            var page = await client.SendAsync(request);
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            Assert.Contains("gzip", page.Content.Headers.ContentEncoding);
            // The host knows the client came over HTTPS (X-Forwarded-Proto from nginx) and asks the browser to stay on it.
            Assert.True(page.Headers.Contains("Strict-Transport-Security"));

            using var plain = From("127.0.0.3");
            var html = await plain.GetStringAsync(new Uri(proxied, "/"));
            var stylesheet = Stylesheet().Match(html).Groups[1].Value;
            Assert.NotEmpty(stylesheet);
            var first = await plain.GetAsync(new Uri(proxied, stylesheet));
            var second = await plain.GetAsync(new Uri(proxied, stylesheet));
            Assert.Equal(HttpStatusCode.OK, second.StatusCode);
            Assert.True(first.IsSuccessStatusCode, $"{first.StatusCode} {first.Headers.CacheControl}");
            Assert.Equal("MISS", first.Headers.GetValues("X-Cache-Status").Single());
            Assert.Equal("HIT", second.Headers.GetValues("X-Cache-Status").Single());
            Assert.True(second.Headers.CacheControl?.MaxAge >= TimeSpan.FromDays(30));
        }
        finally
        {
            RealServers.Stop(nginx);
        }
    }

    private static async Task<HttpStatusCode> SignInAsync(HttpClient client, Uri baseAddress, string? forwardedFor = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(baseAddress, "/api/access/sign-in"))
        {
            Content = JsonContent.Create(new { phone = AccessFlows.NewPhone(), password = "not-the-password-1" }),
        };
        if (forwardedFor is not null)
        {
            request.Headers.Add("X-Forwarded-For", forwardedFor);
        }

        return (await client.SendAsync(request)).StatusCode;
    }

    /// <summary>A client whose connections leave from <paramref name="address"/>; it trusts nginx's test certificate.</summary>
    private static HttpClient From(string address, bool automaticDecompression = true) => new(new SocketsHttpHandler
    {
        AutomaticDecompression = automaticDecompression ? DecompressionMethods.All : DecompressionMethods.None,
        SslOptions = { RemoteCertificateValidationCallback = (_, _, _, _) => true },
        ConnectCallback = async (context, cancellationToken) =>
        {
            var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                socket.Bind(new IPEndPoint(IPAddress.Parse(address), 0));
                await socket.ConnectAsync(context.DnsEndPoint, cancellationToken);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        },
    });

    /// <summary>nginx with the shipped site, its addresses and certificate replaced by the test's; its HTTPS address.</summary>
    private static async Task<(System.Diagnostics.Process Process, Uri Address)> StartNginxAsync(string folder, Uri host)
    {
        var certificate = Path.Combine(folder, "cert.pem");
        var key = Path.Combine(folder, "key.pem");
        var (made, output) = await RealServers.RunAsync(
            "/usr/bin/openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=shop.example.cn",
            "-keyout", key, "-out", certificate);
        Assert.True(made == 0, output);

        var httpPort = RealServers.FreePort(ProxyAddress);
        var tlsPort = RealServers.FreePort(ProxyAddress);
        var shipped = await File.ReadAllTextAsync(Path.Combine(SolutionModules.RepositoryRoot, "build", "deploy", "nginx", "ruralcommerce.conf"));
        var site = shipped
            .Replace("server 127.0.0.1:5080;", $"server {host.Authority};", StringComparison.Ordinal)
            .Replace("/var/cache/nginx/ruralcommerce", Path.Combine(folder, "cache"), StringComparison.Ordinal)
            .Replace("    listen [::]:80;\n", "", StringComparison.Ordinal)
            .Replace("    listen [::]:443 ssl http2;\n", "", StringComparison.Ordinal)
            .Replace("listen 80;", $"listen {ProxyAddress}:{httpPort};", StringComparison.Ordinal)
            .Replace("listen 443 ssl http2;", $"listen {ProxyAddress}:{tlsPort} ssl http2;", StringComparison.Ordinal)
            .Replace("/etc/ssl/certs/ruralcommerce.pem", certificate, StringComparison.Ordinal)
            .Replace("/etc/ssl/private/ruralcommerce.key", key, StringComparison.Ordinal);
        Assert.DoesNotContain("5080", site, StringComparison.Ordinal);
        await File.WriteAllTextAsync(Path.Combine(folder, "site.conf"), site);

        // What /etc/nginx/nginx.conf gives a site on Debian, in the test's folder; nginx connects to the host from its own address.
        var runAsRoot = Environment.UserName == "root" ? "user root root;" : "";
        await File.WriteAllTextAsync(Path.Combine(folder, "nginx.conf"), $$"""
            {{runAsRoot}}
            worker_processes 1;
            daemon off;
            pid {{folder}}/nginx.pid;
            error_log {{folder}}/error.log warn;
            events { worker_connections 256; }
            http {
                include /etc/nginx/mime.types;
                access_log off;
                client_body_temp_path {{folder}}/body;
                proxy_temp_path {{folder}}/proxy;
                fastcgi_temp_path {{folder}}/fastcgi;
                uwsgi_temp_path {{folder}}/uwsgi;
                scgi_temp_path {{folder}}/scgi;
                proxy_bind {{ProxyAddress}};
                include {{folder}}/site.conf;
            }
            """);
        var process = RealServers.Start(Nginx, "-c", Path.Combine(folder, "nginx.conf"), "-p", folder);
        var address = new Uri($"https://{ProxyAddress}:{tlsPort}");
        using var probe = From("127.0.0.3");
        var errorLog = Path.Combine(folder, "error.log");
        await RealServers.WaitUntilAnswersAsync(
            probe, new Uri(address, "/health/live"), () => $"nginx answers ({(File.Exists(errorLog) ? File.ReadAllText(errorLog) : "")})", TimeSpan.FromSeconds(30));
        return (process, address);
    }

    [GeneratedRegex("href=\"/?(app\\.[^\"]*\\.css)\"")]
    private static partial Regex Stylesheet();
}
