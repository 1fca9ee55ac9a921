using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace RuralCommerce.Shared.Infrastructure.Observability;

/// <summary>The <c>Metrics</c> configuration section: who may scrape <c>/metrics</c>.</summary>
public sealed class MetricsOptions
{
    public const string SectionName = "Metrics";

    public const string Path = "/metrics";

    /// <summary>A scraper presenting <c>Authorization: Bearer {ScrapeToken}</c> may read the metrics.</summary>
    public string? ScrapeToken { get; set; }

    /// <summary>Scrapers from these networks (CIDR, e.g. <c>10.0.0.0/8</c>, <c>127.0.0.1/32</c>) may read them without a token.</summary>
    public IList<string> AllowedNetworks { get; } = [];

    public bool IsOpen => !string.IsNullOrEmpty(ScrapeToken) || AllowedNetworks.Count > 0;
}

public static class MetricsEndpoint
{
    /// <summary>
    /// Keeps <c>/metrics</c> for a scraper: closed (404) unless a token or networks are configured; then 401 without the
    /// token from outside those networks. The client address is the real one (forwarded headers are applied first).
    /// </summary>
    public static IApplicationBuilder UseMetricsForScrapersOnly(this IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var options = app.ApplicationServices.GetRequiredService<IOptions<MetricsOptions>>().Value;
        var networks = options.AllowedNetworks.Select(IPNetwork.Parse).ToList();
        var token = string.IsNullOrEmpty(options.ScrapeToken) ? null : Encoding.UTF8.GetBytes("Bearer " + options.ScrapeToken);
        return app.Use(async (context, next) =>
        {
            if (!context.Request.Path.Equals(MetricsOptions.Path, StringComparison.OrdinalIgnoreCase))
            {
                await next(context);
                return;
            }

            if (!options.IsOpen)
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return;
            }

            var address = context.Connection.RemoteIpAddress is { IsIPv4MappedToIPv6: true } mapped ? mapped.MapToIPv4() : context.Connection.RemoteIpAddress;
            var fromNetwork = address is not null && networks.Any(n => n.Contains(address));
            var withToken = token is not null
                            && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(context.Request.Headers.Authorization.ToString()), token);
            if (fromNetwork || withToken)
            {
                await next(context);
                return;
            }

            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            context.Response.Headers.WWWAuthenticate = "Bearer realm=\"metrics\"";
        });
    }
}
