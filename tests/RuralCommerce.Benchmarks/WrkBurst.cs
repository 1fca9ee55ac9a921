using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace RuralCommerce.Benchmarks;

/// <summary>
/// Drives the burst with <c>wrk</c> (Debian's <c>wrk</c> package) in its own process, as phones would, so the load
/// generator does not share the host's thread pool: the same buyers, bodies and one fresh Idempotency-Key per request
/// as the in-process generator, through a Lua script.
/// </summary>
internal static class WrkBurst
{
    public static string? Executable { get; } =
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Select(directory => Path.Combine(directory, "wrk")).FirstOrDefault(File.Exists);

    public static async Task<BurstResult> RunAsync(Uri address, Uri place, string[] tokens, byte[][] bodies, TimeSpan duration, string run, int refusedStatus)
    {
        var script = Path.Combine(Path.GetTempPath(), $"order-burst-{Environment.ProcessId}.lua");
        await File.WriteAllTextAsync(script, Script(place, tokens, bodies, run, refusedStatus));
        try
        {
            var start = new ProcessStartInfo(Executable!)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (var argument in new[]
                     {
                         $"-t{Math.Min(2, tokens.Length)}", $"-c{tokens.Length}", $"-d{(int)duration.TotalSeconds}s", "--timeout", "30s", "-s", script,
                         new Uri(address, place).ToString(),
                     })
            {
                start.ArgumentList.Add(argument);
            }

            using var wrk = Process.Start(start)!;
            var output = await wrk.StandardOutput.ReadToEndAsync();
            await wrk.WaitForExitAsync();
            var summary = output.Split('\n').SingleOrDefault(line => line.StartsWith("burst ", StringComparison.Ordinal))
                          ?? throw new InvalidOperationException($"wrk failed: {output}{await wrk.StandardError.ReadToEndAsync()}");
            var values = summary.Split(' ').Skip(1).Select(pair => pair.Split('=')).ToDictionary(p => p[0], p => double.Parse(p[1], CultureInfo.InvariantCulture));
            return new BurstResult(
                (int)values["created"], (int)values["refused"], (int)values["errors"],
                values["p50"] / 1000, values["p99"] / 1000, values["max"] / 1000, TimeSpan.FromSeconds(values["seconds"]));
        }
        finally
        {
            File.Delete(script);
        }
    }

    private static string Script(Uri place, string[] tokens, byte[][] bodies, string run, int refusedStatus)
    {
        static string Lua(string text) => $"\"{text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal)}\"";
        var lua = new StringBuilder();
        lua.AppendLine(CultureInfo.InvariantCulture, $"local path = {Lua(place.ToString())}");
        lua.AppendLine(CultureInfo.InvariantCulture, $"local tokens = {{ {string.Join(", ", tokens.Select(Lua))} }}");
        lua.AppendLine(CultureInfo.InvariantCulture, $"local bodies = {{ {string.Join(", ", bodies.Select(b => Lua(Encoding.UTF8.GetString(b))))} }}");
        lua.AppendLine(CultureInfo.InvariantCulture, $"local run = {Lua(run)}");
        lua.AppendLine(CultureInfo.InvariantCulture, $"local refused_status = {refusedStatus}");
        lua.Append("""
            local threads = {}
            local next_id = 0
            function setup(thread)
              next_id = next_id + 1
              thread:set("id", next_id)
              table.insert(threads, thread)
            end
            local n = 0
            created, refused, errors = 0, 0, 0
            function request()
              n = n + 1
              local headers = {
                ["Authorization"] = "Bearer " .. tokens[(n * 7 + id) % #tokens + 1],
                ["Content-Type"] = "application/json",
                ["Idempotency-Key"] = run .. "-" .. id .. "-" .. n,
              }
              return wrk.format("POST", path, headers, bodies[n % #bodies + 1])
            end
            function response(status, headers, body)
              if status == 201 then created = created + 1
              elseif status == refused_status then refused = refused + 1
              else
                errors = errors + 1
                if errors <= 3 then io.write("unexpected " .. status .. ": " .. body .. "\n") end
              end
            end
            function done(summary, latency, requests)
              local c, r, e = 0, 0, 0
              for _, thread in ipairs(threads) do
                c = c + thread:get("created")
                r = r + thread:get("refused")
                e = e + thread:get("errors")
              end
              io.write(string.format("burst created=%d refused=%d errors=%d p50=%d p99=%d max=%d seconds=%.3f\n",
                c, r, e, latency:percentile(50), latency:percentile(99), latency.max, summary.duration / 1e6))
            end
            """);
        return lua.ToString();
    }
}

/// <summary>What one burst did: answers by kind, latency of every request (ms) and how long it ran.</summary>
internal sealed record BurstResult(int Accepted, int Refused, int Errors, double P50, double P99, double Max, TimeSpan Elapsed);
