using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection.Extensions;
using RuralCommerce.Demo;
using RuralCommerce.Shared.Infrastructure.Messaging;
using RuralCommerce.Shared.Infrastructure.Persistence;
using RuralCommerce.Shared.Infrastructure.Security;
using RuralCommerce.SharedKernel;

namespace RuralCommerce.Host.Demo;

/// <summary>
/// <c>--demo</c> (or <c>Demo:Enabled=true</c>): fills a fresh data folder with the platform's story through its own HTTP
/// API, with the host's clock running from a year ago to now, then serves as usual and prints who to sign in as.
/// </summary>
internal static class DemoMode
{
    public const string Flag = "--demo";
    public const string AdministratorPhone = "+8614000000000";

    /// <summary>Takes the flag out of the arguments (the host would read it as configuration).</summary>
    public static (bool Enabled, string[] Arguments) Parse(string[] args) =>
        (args.Contains(Flag, StringComparer.Ordinal), [.. args.Where(a => a != Flag)]);

    /// <summary>The demo's own data folder, so that it never meets the one a plain <c>dotnet run</c> made first.</summary>
    public const string DataDirectory = "demo-data";

    /// <summary>
    /// Points the host at <see cref="DataDirectory"/> unless the data folder was chosen on the command line or in the
    /// environment (the shipped <c>appsettings.json</c> names <c>data</c>, which does not count as a choice).
    /// </summary>
    public static void UseOwnDataFolderUnlessChosen(IConfigurationRoot configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        const string key = DatabaseOptions.SectionName + ":" + nameof(DatabaseOptions.DataDirectory);
        var source = configuration.Providers.Reverse().FirstOrDefault(p => p.TryGet(key, out _));
        if (source is null or FileConfigurationProvider { Source.Path: "appsettings.json" })
        {
            configuration[key] = DataDirectory;
        }
    }

    /// <summary>The settings and services the demo needs; refuses (<see cref="DemoRefusedException"/>) a folder that already holds data.</summary>
    public static void Configure(WebApplicationBuilder builder, DemoSecrets secrets)
    {
        var data = (builder.Configuration.GetSection(DatabaseOptions.SectionName).Get<DatabaseOptions>() ?? new DatabaseOptions())
            .ResolveDataDirectory(builder.Environment.ContentRootPath);
        if (Directory.Exists(data) && Directory.EnumerateFileSystemEntries(data).Any())
        {
            throw new DemoRefusedException(
                $"The demo fills a fresh data folder, and {data} already holds data. Delete it, or give the demo another folder: "
                + "dotnet run --project src/Host/RuralCommerce.Host -- --demo --Database:DataDirectory demo-data-2");
        }

        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Access:BootstrapAdmin:Phone"] = AdministratorPhone,
            ["Access:BootstrapAdmin:Password"] = secrets.Password,
            ["Access:BootstrapAdmin:DisplayName"] = "平台管理员",
            ["Orders:PaymentCallbackSecret"] = secrets.PaymentSecret,
            // The story signs in a hundred people from one loopback address within a minute.
            ["Access:CredentialRateLimit:PermitLimit"] = "100000",
        });

        var clock = new DemoClock();
        builder.Services.Replace(ServiceDescriptor.Singleton<TimeProvider>(clock));
        builder.Services.AddSingleton(clock);
        builder.Services.AddSingleton<DemoTextInbox>();
        var original = builder.Services.Last(d => d.ServiceType == typeof(ISmsSender));
        builder.Services.AddTransient<ISmsSender>(provider =>
            new DemoTextRouter(provider.GetRequiredService<DemoTextInbox>(), (ISmsSender)original.ImplementationFactory!(provider)));
        // Tokens issued while the clock runs a year behind must be checked against that clock, not the machine's.
        builder.Services.CheckTokenLifetimeAgainst(clock);
    }

    /// <summary>Plays the story against the started host, prints the accounts, and puts the clock back to now.</summary>
    public static async Task FillAsync(WebApplication app, DemoSecrets secrets)
    {
        var address = Loopback(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        var host = new DemoStoryHost(app.Services, address, secrets);
        Console.WriteLine($"Demo: filling a fresh data folder through {address} (the host's clock runs from a year ago to now)…");
        StoryOutcome outcome;
        try
        {
            outcome = await new Story(host, StoryScale.Demo, secrets.Password, step => Console.WriteLine($"Demo: {step}")).PlayAsync();
        }
        finally
        {
            app.Services.GetRequiredService<DemoClock>().Offset = TimeSpan.Zero;
        }

        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"Demo: {outcome.CompletedOrders} orders completed ({outcome.UnitsSold} units, GMV ¥{outcome.Gmv:N2}), "
            + $"{outcome.Certificates} certificates, filled in {outcome.Took.TotalSeconds:0.0} s. Demo accounts (numbers reserved for the demo, password for this run only):");
        foreach (var account in outcome.Accounts)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"  {account.Role,-36} {account.Name,-6} {account.Phone}  {account.Password}  {address}{account.StartPath}");
        }

        text.Append(CultureInfo.InvariantCulture, $"Demo ready: open {address} and sign in with any account above.");
        Console.WriteLine(text.ToString());
    }

    private static string Loopback(string address) =>
        address.Replace("//[::]", "//127.0.0.1", StringComparison.Ordinal).Replace("//0.0.0.0", "//127.0.0.1", StringComparison.Ordinal)
            .Replace("//localhost", "//127.0.0.1", StringComparison.Ordinal).Replace("//+", "//127.0.0.1", StringComparison.Ordinal)
            .Replace("//*", "//127.0.0.1", StringComparison.Ordinal);
}

/// <summary>Made once per demo run: the demo accounts' password and the development payment provider's key.</summary>
internal sealed record DemoSecrets(string Password, string PaymentSecret)
{
    public static DemoSecrets Generate() =>
        new($"Demo-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4))}-{RandomNumberGenerator.GetInt32(10, 99)}",
            Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
}

internal sealed class DemoRefusedException(string message) : Exception(message);

/// <summary>The system's time moved by an offset the demo sets while it fills; zero afterwards.</summary>
internal sealed class DemoClock : TimeProvider
{
    private long _offsetTicks;

    public TimeSpan Offset
    {
        get => TimeSpan.FromTicks(Interlocked.Read(ref _offsetTicks));
        set => Interlocked.Exchange(ref _offsetTicks, value.Ticks);
    }

    public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + Offset;
}

/// <summary>The demo's people have numbers reserved for the demo (+86 140…): their texts land here instead of a gateway.</summary>
internal sealed class DemoTextInbox
{
    public const string DemoNumbers = "+86140";

    private readonly ConcurrentDictionary<string, string> _last = new(StringComparer.Ordinal);

    public void Keep(string phone, string text) => _last[phone] = text;

    public string LastTo(string phone) => _last.TryGetValue(phone, out var text) ? text : "";
}

internal sealed class DemoTextRouter(DemoTextInbox inbox, ISmsSender gateway) : ISmsSender
{
    public Task SendAsync(PhoneNumber to, string text, CancellationToken cancellationToken)
    {
        if (to.Value.StartsWith(DemoTextInbox.DemoNumbers, StringComparison.Ordinal))
        {
            inbox.Keep(to.Value, text);
            return Task.CompletedTask;
        }

        return gateway.SendAsync(to, text, cancellationToken);
    }
}

internal sealed class DemoStoryHost(IServiceProvider services, string address, DemoSecrets secrets) : IStoryHost
{
    private readonly DemoClock _clock = services.GetRequiredService<DemoClock>();

    public DateTimeOffset Now => _clock.GetUtcNow();

    public (string Phone, string Password) PlatformAdministrator => (DemoMode.AdministratorPhone, secrets.Password);

    public HttpClient CreateClient() => new() { BaseAddress = new Uri(address), Timeout = TimeSpan.FromMinutes(2) };

    public string LastTextTo(string phone) => services.GetRequiredService<DemoTextInbox>().LastTo(phone);

    public void SetClock(DateTimeOffset now) => _clock.Offset = now - TimeProvider.System.GetUtcNow();

    public string SignPaymentNotice(byte[] body) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secrets.PaymentSecret), body));
}
