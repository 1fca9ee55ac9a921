using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace RuralCommerce.Shared.Infrastructure.Web;

/// <summary>The <c>ReverseProxy</c> configuration section: the proxies whose forwarded headers the host believes.</summary>
public sealed class ReverseProxyOptions
{
    public const string SectionName = "ReverseProxy";

    /// <summary>Addresses the proxy connects from, e.g. <c>127.0.0.1</c> when nginx runs on the same machine.</summary>
    public IList<string> KnownProxies { get; } = [];

    /// <summary>Networks of proxies (CIDR), e.g. a load balancer pool.</summary>
    public IList<string> KnownNetworks { get; } = [];
}

public static class ReverseProxy
{
    /// <summary>
    /// Takes the client's address and scheme from <c>X-Forwarded-For</c> / <c>X-Forwarded-Proto</c>, but only on
    /// connections from a configured proxy, and only the last address (the one the proxy appended): a client that sends
    /// the header itself, straight to the host or through the proxy, cannot choose the address rate limits and logs see.
    /// Without configured proxies (ASP.NET Core would trust loopback) no forwarded header is believed.
    /// </summary>
    public static IApplicationBuilder UseForwardedHeadersFromKnownProxies(this IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var settings = app.ApplicationServices.GetRequiredService<IOptions<ReverseProxyOptions>>().Value;
        if (settings.KnownProxies.Count == 0 && settings.KnownNetworks.Count == 0)
        {
            return app;
        }

        var options = new ForwardedHeadersOptions
        {
            ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto,
            ForwardLimit = 1,
        };
        options.KnownProxies.Clear();
        options.KnownIPNetworks.Clear();
        foreach (var proxy in settings.KnownProxies)
        {
            options.KnownProxies.Add(IPAddress.Parse(proxy));
        }

        foreach (var network in settings.KnownNetworks)
        {
            options.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
        }

        return app.UseForwardedHeaders(options);
    }
}
