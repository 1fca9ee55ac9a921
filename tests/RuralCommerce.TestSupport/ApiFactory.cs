using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using RuralCommerce.Shared.Infrastructure.Messaging;
using RuralCommerce.Shared.Infrastructure.Persistence;
using RuralCommerce.Shared.Infrastructure.Security;
using RuralCommerce.SharedKernel;
using RuralCommerce.TestSupport;

namespace RuralCommerce.TestSupport;

/// <summary>The real host on SQLite files in a temp folder, with a probe subscriber tests can break and mend.</summary>
public class ApiFactory : WebApplicationFactory<Program>
{
    private static readonly byte[] KeyBytes = Enumerable.Range(1, 48).Select(i => (byte)i).ToArray();
    private readonly TempDirectory _data = new();
    private OpenApiContract? _contract;

    /// <summary>A request header the test host turns into the connection's remote address (per-address limits).</summary>
    public const string ClientAddressHeader = "X-Test-Client-Address";

    public string DataDirectory => _data.Path;

    /// <summary>Every log line the host wrote.</summary>
    public CapturingLoggerProvider Logs { get; } = new();

    public ProbeSwitch Probe { get; } = new();

    /// <summary>Every text message the host "sent".</summary>
    public CapturingSmsSender Sms { get; } = new();

    /// <summary>Configuration a derived factory changes (e.g. a strict rate limit).</summary>
    protected virtual IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>();

    /// <summary>The host's clock: the system's unless a test moves it (and puts it back).</summary>
    public TestClock Clock { get; } = new();

    /// <summary>A client whose every answer is checked against the OpenAPI document (an undocumented answer fails the test).</summary>
    public new HttpClient CreateClient() => CreateClient(ClientOptions);

    public new HttpClient CreateClient(WebApplicationFactoryClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return CreateDefaultClient(options.BaseAddress, new ContractCheckingHandler(() => Contract));
    }

    /// <summary>The host's OpenAPI document, read once.</summary>
    public OpenApiContract Contract
    {
        get
        {
            if (_contract is null)
            {
                using var raw = CreateDefaultClient(ClientOptions.BaseAddress);
                Interlocked.CompareExchange(ref _contract, new OpenApiContract(raw.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative)).GetAwaiter().GetResult()), null);
            }

            return _contract;
        }
    }

    public HttpClient CreateSignedInClient(params string[] roles)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Token(roles));
        return client;
    }

    public static string Token(string[] roles, byte[]? key = null, DateTime? expires = null, IReadOnlyDictionary<string, object>? claims = null) =>
        new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = "RuralCommerce",
            Audience = "RuralCommerce",
            IssuedAt = (expires ?? DateTime.UtcNow.AddMinutes(10)).AddMinutes(-15),
            NotBefore = (expires ?? DateTime.UtcNow.AddMinutes(10)).AddMinutes(-15),
            Expires = expires ?? DateTime.UtcNow.AddMinutes(10),
            Claims = new Dictionary<string, object>(claims ?? new Dictionary<string, object>()) { ["sub"] = Guid.CreateVersion7().ToString(), ["role"] = roles },
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(key ?? KeyBytes), SecurityAlgorithms.HmacSha256),
        });

    public HttpClient CreateAdminClient() => CreateSignedInClient(PlatformRoles.Admin);

    /// <summary>Commits an event into a module's outbox, as that module's own use case would.</summary>
    public async Task<Guid> PublishAsync(string module, IntegrationEvent integrationEvent)
    {
        var database = Services.GetServices<ModuleDatabase>().Single(d => d.Module == module);
        await using var scope = Services.CreateAsyncScope();
        var context = (ModuleDbContext)scope.ServiceProvider.GetRequiredService(database.ContextType);
        context.Publish(integrationEvent);
        await context.SaveChangesAsync();
        return context.OutboxMessages.Local.Single().Id;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Database:DataDirectory", _data.Path);
        builder.UseSetting("Jwt:SigningKey", Convert.ToBase64String(KeyBytes));
        builder.UseSetting("Outbox:MaxAttempts", "2");
        builder.UseSetting("Backup:Enabled", "false");
        builder.UseSetting("Outbox:RetryBaseDelay", "00:00:00.010");
        builder.UseSetting("Outbox:IdlePollInterval", "00:00:00.200");
        builder.UseSetting("Access:CredentialRateLimit:PermitLimit", "100000");
        builder.UseSetting("Access:VerificationCodeCooldown", "00:00:00");
        builder.UseSetting("Access:CodesPerPhone:PermitLimit", "100000");
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureLogging(logging => logging.AddProvider(Logs));
        builder.ConfigureTestServices(services => services
            .AddSingleton<TimeProvider>(Clock)
            .AddSingleton<IStartupFilter, ClientAddressFromHeader>()
            .AddSingleton(Probe)
            .AddSingleton<ISmsSender>(Sms)
            .AddScoped<INotificationHandler<ProbeIntegrationEvent>, ProbeHandler>());
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            _data.Dispose();
        }
    }
}

/// <summary>Lets a test pretend to be many clients: <see cref="ApiFactory.ClientAddressHeader"/> becomes the remote address.</summary>
internal sealed class ClientAddressFromHeader : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use((context, nextMiddleware) =>
        {
            if (IPAddress.TryParse(context.Request.Headers[ApiFactory.ClientAddressHeader], out var address))
            {
                context.Connection.RemoteIpAddress = address;
            }

            return nextMiddleware(context);
        });
        next(app);
    };
}

/// <summary>A test event; with a <paramref name="Partition"/> it is delivered in order with the others of that partition.</summary>
public sealed record ProbeIntegrationEvent(string Note, string? Partition = null) : IntegrationEvent
{
    public override string? PartitionKey => Partition;
}

public sealed class ProbeSwitch
{
    public bool Broken { get; set; }

    /// <summary>Notes the probe subscriber refuses even when it is not <see cref="Broken"/>.</summary>
    public ConcurrentDictionary<string, bool> Poison { get; } = new();

    public ConcurrentQueue<string> Delivered { get; } = new();

    public int Deliveries;
}

public sealed class ProbeHandler(ProbeSwitch probe) : INotificationHandler<ProbeIntegrationEvent>
{
    public Task Handle(ProbeIntegrationEvent notification, CancellationToken cancellationToken)
    {
        if (probe.Broken || probe.Poison.ContainsKey(notification.Note))
        {
            throw new InvalidOperationException("Probe subscriber is broken (injected failure).");
        }

        probe.Delivered.Enqueue(notification.Note);
        Interlocked.Increment(ref probe.Deliveries);
        return Task.CompletedTask;
    }
}
