using ArgoFlow.Bench.Reporting;
using ArgoFlow.Bench.Statistics;
using ArgoFlow.Cluster.Controller;

namespace ArgoFlow.Bench.Cluster;

/// <summary>
/// Turns a cluster bench into the common <see cref="BenchReport"/>: one mode per template, measured as the client
/// wall time from the create request to seeing the final phase; the target is the product's 1-3 s goal.
/// </summary>
public static class ClusterBenchReport
{
    public const double DefaultTargetMs = 3000;

    public static BenchReport Build(
        ClusterBenchResult result,
        ClusterBenchOptions options,
        ClusterReport cluster,
        EnvironmentReport environment,
        double targetMs = DefaultTargetMs)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(options);
        var modes = result.Templates.Select(t => Mode(result, t, targetMs)).ToList();
        var ratios = (from slow in modes
                      from fast in modes
                      where slow.Successes > 0 && fast.Successes > 0 && slow.P50Ms > fast.P50Ms
                      select new RatioReport(slow.Name, fast.Name, Ratio(slow.P50Ms, fast.P50Ms), Ratio(slow.P95Ms, fast.P95Ms))).ToList();
        var settings = new BenchSettings(
            options.Runs, options.Warmup, 1, null, options.Parameters.Select(p => $"{p.Key}={p.Value}").ToList(), targetMs);
        var pipeline = string.Join(", ", result.Templates);
        return new BenchReport(BenchReport.CurrentSchemaVersion, "cluster", pipeline, settings, modes, ratios, environment, cluster);
    }

    /// <summary>The cluster section: where, the controller settings with advice, status and per-step times.</summary>
    public static ClusterReport Cluster(ClusterBenchResult result, string server, string? context, string ns, ControllerSettings controller)
    {
        ArgumentNullException.ThrowIfNull(result);
        return new ClusterReport(server, context, ns, controller, ControllerAdvice.For(controller), result.StatusTimes(), result.StepTimes());
    }

    private static ModeReport Mode(ClusterBenchResult result, string template, double targetMs)
    {
        var measured = result.Measured(template);
        var ok = measured.Where(s => s.Succeeded).ToList();
        var stats = LatencySummary.From(ok.Select(s => s.WallMs));
        var warmup = result.Samples.Count(s => s.Template == template && s.Warmup);
        var seconds = ok.Sum(s => s.WallMs) / 1000;
        var errors = measured.Where(s => !s.Succeeded)
            .GroupBy(s => $"{s.Phase}: {s.Message ?? "(no message)"}")
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new ErrorCount(g.Key, g.Count()))
            .ToList();
        var met = ok.Count > 0 && errors.Count == 0 && stats.P95 <= targetMs;
        var label = result.ModeLabels.GetValueOrDefault(template);
        var description = $"WorkflowTemplate {template}{(label is null ? "" : $" ({label} mode)")}: client wall time from the create request to seeing the final phase";
        return new ModeReport(template, description, measured.Count, ok.Count, measured.Count - ok.Count, warmup,
            R(stats.Min), R(stats.Mean), R(stats.P50), R(stats.P90), R(stats.P95), R(stats.P99), R(stats.Max),
            R(seconds > 0 ? ok.Count / seconds : 0), new TargetReport(targetMs, "p95", met), [], errors);
    }

    private static double Ratio(double slow, double fast) => fast > 0 ? Math.Round(slow / fast, 2) : 0;

    private static double R(double value) => Math.Round(value, 3);
}
