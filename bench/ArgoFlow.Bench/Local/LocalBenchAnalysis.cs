using ArgoFlow.Bench.Reporting;
using ArgoFlow.Bench.Statistics;

namespace ArgoFlow.Bench.Local;

/// <summary>Turns a local run's samples into the report: per-mode statistics, step breakdowns, ratios and the target check.</summary>
public static class LocalBenchAnalysis
{
    /// <summary>The pairs compared, slower mode first; a pair appears when both modes ran.</summary>
    private static readonly (string Slow, string Fast)[] Pairs =
        [(BenchModes.Cold, BenchModes.Warm), (BenchModes.Warm, BenchModes.InProc), (BenchModes.Cold, BenchModes.InProc)];

    public static BenchReport Analyze(LocalBenchRun run, EnvironmentReport environment, string? service = null)
    {
        ArgumentNullException.ThrowIfNull(run);
        var options = run.Options;
        var targetMs = options.Target.TotalMilliseconds;
        var modes = options.Modes.Select(mode => Mode(mode, run, targetMs)).ToList();
        var ratios = Pairs
            .Select(p => (Slow: modes.Find(m => m.Name == p.Slow), Fast: modes.Find(m => m.Name == p.Fast)))
            .Where(p => p.Slow is { Successes: > 0 } && p.Fast is { Successes: > 0 })
            .Select(p => new RatioReport(p.Slow!.Name, p.Fast!.Name, Ratio(p.Slow.P50Ms, p.Fast.P50Ms), Ratio(p.Slow.P95Ms, p.Fast.P95Ms)))
            .ToList();
        var settings = new BenchSettings(options.Iterations, options.Warmup, options.Concurrency, service,
            options.Inputs.Select(Path.GetFileName).ToList()!, targetMs);
        return new BenchReport(BenchReport.CurrentSchemaVersion, "local", options.Spec.Name, settings, modes, ratios, environment);
    }

    private static ModeReport Mode(string mode, LocalBenchRun run, double targetMs)
    {
        var all = run.Samples.Where(s => s.Mode == mode).ToList();
        var measured = all.Where(s => !s.Warmup).ToList();
        var ok = measured.Where(s => s.Succeeded).ToList();
        var stats = LatencySummary.From(ok.Select(s => s.TotalMs));
        var wall = run.MeasuredWallMs.GetValueOrDefault(mode);
        var throughput = wall > 0 ? ok.Count / (wall / 1000) : 0;
        var errors = measured.Where(s => !s.Succeeded)
            .GroupBy(s => s.Error ?? "unknown failure", StringComparer.Ordinal)
            .Select(g => new ErrorCount(g.Key, g.Count()))
            .OrderByDescending(e => e.Count).ThenBy(e => e.Message, StringComparer.Ordinal)
            .ToList();
        var met = ok.Count > 0 && errors.Count == 0 && stats.P95 <= targetMs;
        return new ModeReport(mode, BenchModes.Describe(mode), measured.Count, ok.Count, measured.Count - ok.Count,
            all.Count - measured.Count, R(stats.Min), R(stats.Mean), R(stats.P50), R(stats.P90), R(stats.P95), R(stats.P99),
            R(stats.Max), R(throughput), new TargetReport(targetMs, "p95", met), Steps(ok, run), errors);
    }

    private static List<StepReport> Steps(List<BenchSample> ok, LocalBenchRun run) =>
        run.Options.Spec.Steps.Select(step =>
        {
            var samples = ok.SelectMany(s => s.Steps).Where(s => s.Name == step.Name && s.Succeeded).ToList();
            double Median(Func<StepSample, double> field) => samples.Count == 0 ? 0 : R(Percentile.Of(samples.Select(field), 50));
            return new StepReport(step.Name, samples.Count, Median(s => s.DownloadMs), Median(s => s.DecodeMs),
                Median(s => s.ProcessMs), Median(s => s.EncodeMs), Median(s => s.UploadMs), Median(s => s.ServiceMs),
                Median(s => s.ClientMs), Median(s => s.ClientMs - s.ServiceMs));
        }).ToList();

    private static double Ratio(double slow, double fast) => fast > 0 ? Math.Round(slow / fast, 2) : 0;

    private static double R(double value) => Math.Round(value, 3);
}
