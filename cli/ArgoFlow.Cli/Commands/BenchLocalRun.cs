using System.CommandLine;
using ArgoFlow.Bench.Local;
using ArgoFlow.Bench.Reporting;
using ArgoFlow.Core.Errors;

namespace ArgoFlow.Cli.Commands;

/// <summary>The action of `argoflow bench --local`: read the options, run <see cref="LocalBench"/>, render the report.</summary>
internal static class BenchLocalRun
{
    public static async Task<int> RunAsync(BenchLocalOptions o, ParseResult parse, CancellationToken cancellationToken)
    {
        var stdout = parse.InvocationConfiguration.Output;
        var stderr = parse.InvocationConfiguration.Error;
        var (spec, modes, target, problems) = o.ReadBasics(parse);
        if (problems.Count > 0)
        {
            throw BenchLocalOptions.Usage(problems);
        }

        using var temp = new TempFolder("argoflow-bench-input-");
        var options = new LocalBenchOptions
        {
            Spec = spec,
            Inputs = parse.GetValue(o.Input) is { } input ? BenchInputs.Resolve(input) : [DefaultInput(temp.Path)],
            Modes = modes,
            Iterations = parse.GetValue(o.Iterations),
            Warmup = parse.GetValue(o.Warmup),
            Concurrency = parse.GetValue(o.Concurrency),
            ModelPath = spec.Steps.Any(s => s.Type.Name == "detect") ? RunModels.Resolve(parse.GetValue(o.Model)) : null,
            Target = target,
            WorkDirectory = parse.GetValue(o.WorkDir),
        };
        problems.AddRange(options.Validate());
        if (problems.Count > 0)
        {
            throw BenchLocalOptions.Usage(problems);
        }

        if (modes.Contains(BenchModes.Cold))
        {
            await stderr.WriteLineAsync("note: cold = a new argoflow process per step (start, load, one call, exit): a container per step without the cluster's pod scheduling, image pull and sidecar overhead");
        }

        var run = await BenchProgressBar.RunAsync(stderr, (progress, ct) => LocalBench.RunAsync(options, progress, ct), cancellationToken);
        var report = LocalBenchAnalysis.Analyze(run, EnvironmentProbe.Current(), parse.GetValue(o.Service));
        await stdout.WriteAsync(parse.GetValue(o.Output) == "json" ? BenchJson.Write(report) : BenchTable.Write(report));
        var chart = parse.GetValue(o.Chart);
        if (chart is not null)
        {
            var series = modes.Select(m => (m, (IReadOnlyList<double>)run.Samples.Where(s => s.Mode == m && !s.Warmup && s.Succeeded).Select(s => s.TotalMs).ToList())).ToList();
            BenchChart.Save(chart, $"{report.Pipeline}: latency per mode ({options.Iterations} runs, concurrency {options.Concurrency})", series, options.Target.TotalMilliseconds);
        }

        if (parse.GetValue(o.Report) is { } reportFile)
        {
            var command = "argoflow " + string.Join(' ', parse.Tokens.Select(t => t.Value));
            var chartLink = chart is null ? null : Path.GetRelativePath(Path.GetDirectoryName(Path.GetFullPath(reportFile))!, Path.GetFullPath(chart));
            await File.WriteAllTextAsync(reportFile, BenchMarkdown.Write(report, command, chartLink), cancellationToken);
        }

        return report.Modes.Any(m => m.Failures > 0) ? (int)ExitCode.Failed : (int)ExitCode.Ok;
    }

    private static string DefaultInput(string folder)
    {
        var images = BenchInputs.FindSharedImages() ?? throw new ArgoFlowException(ExitCode.InvalidInput,
            "no --input given and no shared/images folder found to build the default 1920x1080 JPEG from", "pass --input PATH");
        return BenchInputs.CreateDefault(images, Path.Combine(folder, "bench-1920x1080.jpg"));
    }
}
