using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
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

    /// <summary>A Debian program the test runs; <c>.ci/run</c> installs it when missing.</summary>
    public static Process Start(string program, params string[] arguments)
    {
        Assert.True(File.Exists(program), $"{program} is missing: apt-get install {Path.GetFileName(program)} (.ci/run does).");
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start)!;
        // Drained so the program never blocks on a full pipe.
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
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
