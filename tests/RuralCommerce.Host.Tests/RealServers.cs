using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using RuralCommerce.TestSupport;
using Xunit;

namespace RuralCommerce.Host.Tests;

/// <summary>Tests with real servers beside the host (Prometheus, nginx): alone, so no other test's host shares their meters or ports.</summary>
[CollectionDefinition(nameof(RealServers), DisableParallelization = true)]
public sealed class RealServers
{
    public static int FreePort(string address = "127.0.0.1")
    {
        using var listener = new TcpListener(IPAddress.Parse(address), 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>The host binary of this build, as an operator runs it.</summary>
    public static string HostDll => Path.Combine(AppContext.BaseDirectory, "RuralCommerce.Host.dll");

    /// <summary>A Debian program the test runs; <c>.ci/run</c> installs it when missing.</summary>
    public static Process Start(string program, params string[] arguments) => Start(program, arguments, lines: null);

    /// <summary>The host binary running beside the test; its non-empty output lines are kept in <paramref name="lines"/>.</summary>
    public static Process StartHost(ConcurrentQueue<string> lines, params string[] arguments) => Start("dotnet", [HostDll, .. arguments], lines);

    /// <summary>The host binary with these environment variables set (null removes one the test runner has).</summary>
    public static Process StartHost(ConcurrentQueue<string> lines, IReadOnlyDictionary<string, string?> environment, params string[] arguments) =>
        Start("dotnet", [HostDll, .. arguments], lines, environment);

    public static Task<(int ExitCode, string Output)> RunHostAsync(params string[] arguments) => RunAsync("dotnet", [HostDll, .. arguments]);

    /// <summary>Waits until <paramref name="address"/> answers with a success status (the server is up).</summary>
    public static Task WaitUntilAnswersAsync(HttpClient client, Uri address, Func<string> because, TimeSpan timeout) =>
        Eventually.HoldsAsync(async () =>
        {
            try
            {
                return (await client.GetAsync(address)).IsSuccessStatusCode;
            }
            catch (HttpRequestException)
            {
                return false;
            }
        }, because(), timeout);

    private static Process Start(
        string program, IEnumerable<string> arguments, ConcurrentQueue<string>? lines, IReadOnlyDictionary<string, string?>? environment = null)
    {
        Assert.True(!Path.IsPathRooted(program) || File.Exists(program), $"{program} is missing: apt-get install {Path.GetFileName(program)} (.ci/run does).");
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string?>())
        {
            start.Environment[name] = value;
        }

        var process = Process.Start(start)!;
        // Drained so the program never blocks on a full pipe.
        process.OutputDataReceived += (_, line) => Keep(lines, line.Data);
        process.ErrorDataReceived += (_, line) => Keep(lines, line.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static void Keep(ConcurrentQueue<string>? lines, string? line)
    {
        if (lines is not null && !string.IsNullOrEmpty(line))
        {
            lines.Enqueue(line);
        }
    }

    public static async Task<(int ExitCode, string Output)> RunAsync(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output + await error);
    }

    public static void Stop(Process process)
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
        }

        process.Dispose();
    }
}
