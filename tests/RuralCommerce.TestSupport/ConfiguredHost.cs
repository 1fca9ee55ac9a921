using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace RuralCommerce.TestSupport;

/// <summary>The test host with some settings of the test's own (a data folder, a metrics token…).</summary>
public class ConfiguredHost(IReadOnlyDictionary<string, string> settings) : ApiFactory
{
    protected override IReadOnlyDictionary<string, string> Settings { get; } = settings;
}

/// <summary>The test host on a real Kestrel socket, for clients outside the process (Prometheus, nginx).</summary>
public sealed class KestrelHost : ConfiguredHost
{
    private readonly string? _environment;

    /// <param name="environment">Production, say, to see what production serves (HSTS, static files' caching).</param>
    public KestrelHost(IReadOnlyDictionary<string, string> settings, string? environment = null)
        : base(settings)
    {
        _environment = environment;
        UseKestrel(kestrel => kestrel.Listen(System.Net.IPAddress.Loopback, 0));
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        if (_environment is not null)
        {
            builder.UseEnvironment(_environment);
            // Outside Development the host refuses to start without scheduled backups.
            builder.UseSetting("Backup:Enabled", "true");
            builder.UseSetting("Backup:Directory", Path.Combine(DataDirectory, "backups"));
        }
    }

    /// <summary>Starts the server; the address it listens on, e.g. <c>http://127.0.0.1:41234</c>.</summary>
    public Uri Start()
    {
        StartServer();
        var address = new Uri(Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        ClientOptions.BaseAddress = address;
        return address;
    }
}
