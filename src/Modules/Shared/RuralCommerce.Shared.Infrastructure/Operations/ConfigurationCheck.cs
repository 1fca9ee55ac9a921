using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using RuralCommerce.Shared.Infrastructure.Messaging;
using RuralCommerce.Shared.Infrastructure.Observability;
using RuralCommerce.Shared.Infrastructure.Persistence;
using RuralCommerce.Shared.Infrastructure.Security;
using RuralCommerce.Shared.Infrastructure.Web;

namespace RuralCommerce.Shared.Infrastructure.Operations;

/// <param name="IsProblem">True: the host must not run like this. False: worth knowing, not wrong.</param>
public sealed record ConfigurationFinding(bool IsProblem, string Text);

/// <summary>
/// What a production host needs, checked before it serves (<c>RuralCommerce.Host check-config</c>, and at every start
/// outside Development): a strong signing key, a real SMS gateway, a reachable and migrated database, a writable data
/// folder and scheduled backups.
/// </summary>
public sealed class ConfigurationCheck(
    IServiceScopeFactory scopes,
    IEnumerable<ModuleDatabase> databases,
    IOptions<DatabaseOptions> database,
    IOptions<JwtOptions> jwt,
    IOptions<SmsOptions> sms,
    IOptions<BackupOptions> backup,
    IOptions<MetricsOptions> metrics,
    IOptions<ReverseProxyOptions> reverseProxy,
    IStartupValidator startupValidator,
    IHostEnvironment environment)
{
    private const int MinimumDistinctKeyBytes = 16;

    public async Task<IReadOnlyList<ConfigurationFinding>> RunAsync(CancellationToken cancellationToken)
    {
        var findings = new List<ConfigurationFinding>();
        Validated(findings, () => CheckSigningKey(findings));
        Validated(findings, () => CheckSms(findings));
        // Every module's own start-up rules (payment methods without a provider, …), as the host checks them when it starts.
        Validated(findings, startupValidator.Validate);
        var dataDirectory = database.Value.ResolveDataDirectory(environment.ContentRootPath);
        Require(findings, Writable(dataDirectory), $"The data folder {dataDirectory} (uploaded files, keys, SQLite files) is not writable.");
        await CheckDatabasesAsync(findings, cancellationToken);
        CheckBackups(findings);
        if (!metrics.Value.IsOpen)
        {
            findings.Add(new(false, "Metrics are closed: set Metrics:ScrapeToken (or Metrics:AllowedNetworks) for Prometheus."));
        }

        if (reverseProxy.Value.KnownProxies.Count == 0 && reverseProxy.Value.KnownNetworks.Count == 0)
        {
            findings.Add(new(false, "No ReverseProxy:KnownProxies: behind nginx, rate limits and logs would see the proxy's address."));
        }

        return [.. findings.DistinctBy(f => f.Text)];
    }

    /// <summary>Stops a host whose configuration has problems, naming every one.</summary>
    public async Task EnsureValidAsync(CancellationToken cancellationToken)
    {
        var problems = (await RunAsync(cancellationToken)).Where(f => f.IsProblem).Select(f => f.Text).ToList();
        if (problems.Count > 0)
        {
            throw new InvalidOperationException(
                "The configuration is not fit for production (RuralCommerce.Host check-config lists the same):" + Environment.NewLine
                + string.Join(Environment.NewLine, problems.Select(p => "  - " + p)));
        }
    }

    private void CheckSigningKey(List<ConfigurationFinding> findings)
    {
        var key = jwt.Value.SigningKey;
        if (string.IsNullOrWhiteSpace(key))
        {
            findings.Add(new(true, "Jwt:SigningKey is missing: set 32+ random bytes (openssl rand -base64 48)."));
            return;
        }

        var bytes = JwtOptions.KeyBytes(key);
        Require(findings, bytes.Length >= 32, $"Jwt:SigningKey is {bytes.Length} bytes long: it must be at least 32.");
        Require(findings, bytes.Distinct().Count() >= MinimumDistinctKeyBytes,
            "Jwt:SigningKey is not random (a repeated or typed phrase): generate one with openssl rand -base64 48.");
    }

    private void CheckSms(List<ConfigurationFinding> findings)
    {
        var settings = sms.Value;
        if (!string.Equals(settings.Provider, SmsOptions.HttpProvider, StringComparison.OrdinalIgnoreCase))
        {
            findings.Add(new(true, "No SMS gateway: set Sms:Provider=Http with Sms:Http:Endpoint and Sms:Http:ApiKey (nobody could verify a phone)."));
            return;
        }

        Require(findings, Uri.TryCreate(settings.Http.Endpoint, UriKind.Absolute, out var endpoint) && endpoint.Scheme == Uri.UriSchemeHttps,
            "Sms:Http:Endpoint must be the gateway's https:// address.");
        Require(findings, !string.IsNullOrWhiteSpace(settings.Http.ApiKey), "Sms:Http:ApiKey is missing.");
    }

    private async Task CheckDatabasesAsync(List<ConfigurationFinding> findings, CancellationToken cancellationToken)
    {
        var settings = database.Value;
        if (settings.Provider == DatabaseProvider.SqlServer && string.IsNullOrWhiteSpace(settings.SqlServerConnectionString))
        {
            findings.Add(new(true, "Database:SqlServerConnectionString is missing."));
            return;
        }

        foreach (var module in databases)
        {
            if (settings.Provider == DatabaseProvider.Sqlite
                && !File.Exists(Path.Combine(settings.ResolveDataDirectory(environment.ContentRootPath), module.SqliteFileName)))
            {
                Require(findings, settings.ShouldMigrateOnStartup, $"{module.Module}: no database file, and Database:MigrateOnStartup is off.");
                continue;
            }

            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var context = (DbContext)scope.ServiceProvider.GetRequiredService(module.ContextType);
                if (!await context.Database.CanConnectAsync(cancellationToken))
                {
                    findings.Add(new(true, $"{module.Module}: the database cannot be reached."));
                    continue;
                }

                var applied = (await context.Database.GetAppliedMigrationsAsync(cancellationToken)).ToList();
                var known = context.Database.GetMigrations().ToHashSet(StringComparer.Ordinal);
                var unknown = applied.Where(m => !known.Contains(m)).ToList();
                Require(findings, unknown.Count == 0,
                    $"{module.Module}: the database has migrations this build does not know ({string.Join(", ", unknown)}): a newer build wrote it.");
                var pending = known.Count - applied.Count(known.Contains);
                if (pending > 0)
                {
                    findings.Add(settings.ShouldMigrateOnStartup
                        ? new(false, $"{module.Module}: {pending} migration(s) will be applied at start.")
                        : new(true, $"{module.Module}: {pending} migration(s) not applied and Database:MigrateOnStartup is off (README, Upgrading)."));
                }
            }
            catch (Exception exception) when (exception is InvalidOperationException or System.Data.Common.DbException)
            {
                findings.Add(new(true, $"{module.Module}: the database cannot be reached ({exception.Message})."));
            }
        }
    }

    private void CheckBackups(List<ConfigurationFinding> findings)
    {
        if (database.Value.Provider == DatabaseProvider.SqlServer)
        {
            findings.Add(new(false, "SQL Server: backups are SQL Server's own (full, differential and log backups; README, Backup and restore)."));
            return;
        }

        if (!backup.Value.Enabled)
        {
            findings.Add(new(true, "Backups are not scheduled: set Backup:Enabled=true (and Backup:Directory, on another disk if you can)."));
            return;
        }

        var directory = backup.Value.ResolveDirectory(environment.ContentRootPath);
        Require(findings, Writable(directory), $"The backup folder {directory} is not writable.");
    }

    // An option with its own validation reports its failures when read: they are problems like the others.
    private static void Validated(List<ConfigurationFinding> findings, Action check)
    {
        try
        {
            check();
        }
        catch (OptionsValidationException exception)
        {
            findings.AddRange(exception.Failures.Select(failure => new ConfigurationFinding(true, failure)));
        }
        catch (AggregateException several)
        {
            findings.AddRange(several.InnerExceptions.OfType<OptionsValidationException>()
                .SelectMany(exception => exception.Failures).Select(failure => new ConfigurationFinding(true, failure)));
        }
    }

    private static void Require(List<ConfigurationFinding> findings, bool condition, string problem)
    {
        if (!condition)
        {
            findings.Add(new(true, problem));
        }
    }

    private static bool Writable(string directory)
    {
        try
        {
            Directory.CreateDirectory(directory);
            var probe = Path.Combine(directory, $".write-probe-{Guid.NewGuid():N}");
            File.WriteAllText(probe, "");
            File.Delete(probe);
            return true;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }
}
