using RuralCommerce.Shared.Infrastructure.Operations;

namespace RuralCommerce.Host;

/// <summary>
/// The operator's commands the host binary runs instead of serving: <c>backup --to DIR</c>,
/// <c>restore --from DIR --data NEWDIR</c>, <c>check-config</c>. Every other argument is configuration, as when serving.
/// </summary>
internal sealed record HostCommand(string Name, IReadOnlyDictionary<string, string> Options, string[] HostArguments)
{
    private static readonly Dictionary<string, string[]> Commands = new(StringComparer.Ordinal)
    {
        ["backup"] = ["--to"],
        ["restore"] = ["--from", "--data"],
        ["check-config"] = [],
    };

    public static HostCommand? Parse(string[] args)
    {
        if (args.Length == 0 || !Commands.TryGetValue(args[0], out var optionNames))
        {
            return null;
        }

        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        var hostArguments = new List<string>();
        for (var i = 1; i < args.Length; i++)
        {
            if (optionNames.Contains(args[i]) && i + 1 < args.Length)
            {
                options[args[i]] = args[++i];
            }
            else
            {
                hostArguments.Add(args[i]);
            }
        }

        // Restore writes into the new folder through the host's own settings, as the restored host will read it.
        if (args[0] == "restore" && options.TryGetValue("--data", out var data))
        {
            hostArguments.Add($"--Database:DataDirectory={Path.GetFullPath(data)}");
        }

        return new HostCommand(args[0], options, [.. hostArguments]);
    }

    public async Task<int> RunAsync(IServiceProvider services, TextWriter output, CancellationToken cancellationToken)
    {
        var missing = Commands[Name].Where(option => !Options.ContainsKey(option)).ToList();
        if (missing.Count > 0)
        {
            await output.WriteLineAsync(
                $"{Name}: missing {string.Join(", ", missing)}. Usage: backup --to DIR | restore --from DIR --data NEWDIR | check-config");
            return 2;
        }

        if (Name == "check-config")
        {
            return await CheckConfigurationAsync(services.GetRequiredService<ConfigurationCheck>(), output, cancellationToken);
        }

        var backup = services.GetRequiredService<DataBackup>();
        try
        {
            return Name == "backup"
                ? await BackupAsync(backup, Path.GetFullPath(Options["--to"]), output, cancellationToken)
                : await RestoreAsync(backup, Path.GetFullPath(Options["--from"]), output, cancellationToken);
        }
        catch (BackupException exception)
        {
            await output.WriteLineAsync($"{Name}: {exception.Message}");
            return 1;
        }
    }

    private static async Task<int> CheckConfigurationAsync(ConfigurationCheck check, TextWriter output, CancellationToken cancellationToken)
    {
        var findings = await check.RunAsync(cancellationToken);
        foreach (var finding in findings.OrderByDescending(f => f.IsProblem))
        {
            await output.WriteLineAsync($"{(finding.IsProblem ? "PROBLEM" : "note   ")}  {finding.Text}");
        }

        var problems = findings.Count(f => f.IsProblem);
        await output.WriteLineAsync(problems == 0
            ? "Configuration fit for production."
            : $"{problems} problem(s): the host will refuse to start outside Development until they are fixed.");
        return problems == 0 ? 0 : 1;
    }

    private static async Task<int> BackupAsync(DataBackup backup, string target, TextWriter output, CancellationToken cancellationToken)
    {
        var manifest = await backup.CreateAsync(target, cancellationToken);
        foreach (var database in manifest.Databases)
        {
            await output.WriteLineAsync(
                $"{database.Module,-15} {database.File,-20} {database.LastMigration} {database.RowCounts.Values.Sum()} rows");
        }

        await output.WriteLineAsync(
            $"Backed up {backup.DataDirectory} into {target}: {manifest.Files.Count} files, {manifest.Files.Sum(f => f.Bytes)} bytes, "
            + $"{(manifest.FinishedAt - manifest.StartedAt).TotalSeconds:0.0} s.");
        return 0;
    }

    private static async Task<int> RestoreAsync(DataBackup backup, string source, TextWriter output, CancellationToken cancellationToken)
    {
        var outcome = await backup.RestoreAsync(source, cancellationToken);
        if (!outcome.Succeeded)
        {
            await output.WriteLineAsync($"Restore refused; nothing was written to {backup.DataDirectory}:");
            foreach (var problem in outcome.Problems)
            {
                await output.WriteLineAsync($"  - {problem}");
            }

            return 1;
        }

        await output.WriteLineAsync(
            $"Restored {outcome.FilesRestored} files from {source} into {backup.DataDirectory}. Outbox messages delivered again at start: "
            + string.Join(", ", outcome.Redelivered.Select(r => $"{r.Key} {r.Value}")) + ".");
        await output.WriteLineAsync($"Start the host with Database:DataDirectory={backup.DataDirectory}.");
        return 0;
    }
}
