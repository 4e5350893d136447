using System.Diagnostics;
using System.Globalization;
using ArgoFlow.Bench.Statistics;
using ArgoFlow.Templates.Generation;

namespace ArgoFlow.Benchmarks.Agent;

/// <summary>
/// `dotnet run -c Release --project benchmarks/ArgoFlow.Benchmarks -- agent [ITERATIONS] [PATCH_WINDOW_MS]`: issue 12's targets, measured
/// in process against warm services - (1) a task written to a TaskSet until its result is read back, one warm resize
/// step, http and plugin; (2) the classic 3-step pipeline, workflow created until Succeeded; (3) 50 workflows at once,
/// every node with exactly one result. Each series runs after a warm-up; numbers are printed as a Markdown table.
/// </summary>
internal static class AgentBench
{
    public static async Task RunAsync(string[] args)
    {
        var iterations = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 200;
        // Optional: the agent's patch window in ms (default: the command's default).
        TimeSpan? window = args.Length > 1 ? TimeSpan.FromMilliseconds(double.Parse(args[1], CultureInfo.InvariantCulture)) : null;
        await using var rig = await AgentBenchRig.StartAsync(window);
        Console.WriteLine($"patch window: {rig.PatchWindow.TotalMilliseconds} ms");
        var rows = new List<string>();
        foreach (var mode in new[] { GenerationMode.Http, GenerationMode.Plugin })
        {
            var label = mode.ToString().ToLowerInvariant();
            var single = rig.AddTemplate(new GeneratorOptions(mode, Agent: true), 1, "resize-" + label);
            var latencies = await SeriesAsync(rig, single, $"one-{label}", iterations, nodeLatency: true);
            rows.Add(Row($"task written -> result read, 1 warm resize step ({label})", latencies));

            var classic = rig.AddTemplate(new GeneratorOptions(mode, Agent: true), 3, "classic-" + label);
            var runs = await SeriesAsync(rig, classic, $"classic-{label}", Math.Max(20, iterations / 4), nodeLatency: false);
            rows.Add(Row($"classic 3 steps, created -> Succeeded ({label})", runs));
        }

        var concurrent = await ConcurrentAsync(rig);
        Console.WriteLine($"| measurement | n | p50 ms | p90 ms | p99 ms | max ms |");
        Console.WriteLine("|---|---|---|---|---|---|");
        rows.ForEach(Console.WriteLine);
        Console.WriteLine();
        Console.WriteLine(concurrent);
        Console.WriteLine($"pod requests to the API server: {rig.PodRequests}");
    }

    private static async Task<List<double>> SeriesAsync(AgentBenchRig rig, string template, string prefix, int count, bool nodeLatency)
    {
        var values = new List<double>();
        const int warmup = 10;
        for (var i = 0; i < warmup + count; i++)
        {
            var name = $"{prefix}-{i}";
            var start = Stopwatch.GetTimestamp();
            rig.Submit(name, template, $"in/{i % 5}.jpg");
            var workflow = await rig.Controller.WaitForCompletionAsync(name, TimeSpan.FromSeconds(60));
            var elapsed = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            if ((string?)workflow["status"]!["phase"] != "Succeeded")
            {
                throw new InvalidOperationException($"{name} ended {workflow["status"]!.ToJsonString()}");
            }

            if (i < warmup)
            {
                continue;
            }

            if (!nodeLatency)
            {
                values.Add(elapsed);
                continue;
            }

            var node = rig.Controller.TaskWrittenAt.Keys.Single(k => k.StartsWith(name + "-", StringComparison.Ordinal));
            values.Add(Stopwatch.GetElapsedTime(rig.Controller.TaskWrittenAt[node], rig.Controller.ResultSeenAt[node]).TotalMilliseconds);
        }

        return values;
    }

    private static async Task<string> ConcurrentAsync(AgentBenchRig rig)
    {
        var template = rig.AddTemplate(new GeneratorOptions(GenerationMode.Http, Agent: true), 3, "classic-load");
        var names = Enumerable.Range(0, 50).Select(i => $"load-{i:D2}").ToList();
        var start = Stopwatch.GetTimestamp();
        names.ForEach(n => rig.Submit(n, template, $"in/{n[^1] % 5}.jpg"));
        var workflows = await Task.WhenAll(names.Select(n => rig.Controller.WaitForCompletionAsync(n, TimeSpan.FromMinutes(5))));
        var elapsed = Stopwatch.GetElapsedTime(start).TotalSeconds;
        var nodes = rig.Controller.ResultsRead.Where(r => r.Key.StartsWith("load-", StringComparison.Ordinal)).ToList();
        var succeeded = workflows.Count(w => (string?)w["status"]!["phase"] == "Succeeded");
        return string.Create(CultureInfo.InvariantCulture,
            $"50 concurrent classic workflows (http): {succeeded}/50 Succeeded in {elapsed:F1} s; {nodes.Count} nodes, " +
            $"{nodes.Count(n => n.Value == 1)} with exactly one result, {rig.Controller.UnexpectedResults.Count} unexpected results");
    }

    private static string Row(string what, List<double> values)
    {
        var s = LatencySummary.From(values);
        return string.Create(CultureInfo.InvariantCulture, $"| {what} | {s.Count} | {s.P50:F1} | {s.P90:F1} | {s.P99:F1} | {s.Max:F1} |");
    }
}
