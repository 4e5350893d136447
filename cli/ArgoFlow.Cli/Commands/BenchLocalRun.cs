using System.CommandLine;
using ArgoFlow.Bench.Local;
using ArgoFlow.Bench.Reporting;
using ArgoFlow.Cluster.Watch;
using ArgoFlow.Core.Errors;

namespace ArgoFlow.Cli.Commands;

/// <summary>`argoflow bench --local`: reads the flags, runs <see cref="LocalBench"/>, builds the report.</summary>
internal static class BenchLocalRun
{
    public static async Task<BenchResult> RunAsync(BenchOptions shared, BenchLocalOptions local, ParseResult parse, CancellationToken cancellationToken)
    {
        var stderr = parse.InvocationConfiguration.Error;
        ArgoFlow.Services.Imaging.NativeRuntime.EnsureOpenCv();
        var spec = local.ReadSpec(parse);
        var modes = BenchModes.Parse(parse.GetValue(local.Modes)!);
        var target = GoDuration.Parse(parse.GetValue(shared.Target)!, "--target");
        using var temp = new TempFolder("argoflow-bench-input-");
        var options = new LocalBenchOptions
        {
            Spec = spec,
            Inputs = parse.GetValue(local.Input) is { } input ? BenchInputs.Resolve(input) : [DefaultInput(temp.Path)],
            Modes = modes,
            Iterations = parse.GetValue(shared.Runs) ?? BenchLocalOptions.DefaultRuns,
            Warmup = parse.GetValue(shared.Warmup) ?? BenchLocalOptions.DefaultWarmup,
            Concurrency = parse.GetValue(local.Concurrency),
            ModelPath = spec.Steps.Any(s => s.Type.Name == "detect") ? RunModels.Resolve(parse.GetValue(local.Model)) : null,
            Target = target,
            WorkDirectory = parse.GetValue(local.WorkDir),
            Services = parse.GetValue(local.Services),
        };
        var problems = options.Validate();
        if (problems.Count > 0)
        {
            throw new ArgoFlowException(ExitCode.Usage, string.Join(Environment.NewLine + "error: ", problems), "see `argoflow bench --help`");
        }

        if (modes.Contains(BenchModes.Cold))
        {
            await stderr.WriteLineAsync("note: cold = a new argoflow process per step (start, load, one call, exit): a container per step without the cluster's pod scheduling, image pull and sidecar overhead");
        }

        var run = await BenchLocalProgress.RunAsync(stderr, (progress, ct) => LocalBench.RunAsync(options, progress, ct), cancellationToken);
        var report = LocalBenchAnalysis.Analyze(run, EnvironmentProbe.Current(), parse.GetValue(local.Service));
        var series = modes
            .Select(m => (m, (IReadOnlyList<double>)run.Samples.Where(s => s.Mode == m && !s.Warmup && s.Succeeded).Select(s => s.TotalMs).ToList()))
            .ToList();
        return new BenchResult(report, series);
    }

    private static string DefaultInput(string folder)
    {
        var images = BenchInputs.FindSharedImages() ?? throw new ArgoFlowException(ExitCode.InvalidInput,
            "no --input given and no shared/images folder found to build the default 1920x1080 JPEG from", "pass --input PATH");
        return BenchInputs.CreateDefault(images, Path.Combine(folder, "bench-1920x1080.jpg"));
    }
}
