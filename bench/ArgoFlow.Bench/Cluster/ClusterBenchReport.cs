using ArgoFlow.Bench.Reporting;
using ArgoFlow.Bench.Statistics;
using ArgoFlow.Cluster.Controller;

namespace ArgoFlow.Bench.Cluster;

/// <summary>Turns a cluster bench result and the controller settings into the common <see cref="BenchReport"/>.</summary>
public static class ClusterBenchReport
{
    public const string Metric = "client-observed wall time per workflow, from the create request to seeing its final phase";

    public static BenchReport Build(ClusterBenchResult result, ClusterEnvironment cluster, DateTimeOffset started, DateTimeOffset finished)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(cluster);
        var modes = result.WallTimes();
        var labels = result.ModeLabels.Where(l => l.Value is not null).Select(l => $"{l.Key} is {l.Value} mode").ToList();
        var notes = new List<string>
        {
            "status times have 1-second resolution (Argo's startedAt/finishedAt); the wall time is measured by this client",
        };
        if (labels.Count > 0)
        {
            notes.Add(string.Join("; ", labels));
        }

        var failed = result.Samples.Where(s => !s.Succeeded && !s.Warmup).Take(3).ToList();
        notes.AddRange(failed.Select(f => $"{f.Workflow} ({f.Template}) ended {f.Phase}{(f.Message is null ? "" : ": " + f.Message)}"));
        return new BenchReport
        {
            Kind = "cluster",
            StartedAt = started,
            FinishedAt = finished,
            Metric = Metric,
            Modes = modes,
            Ratios = Ratios.AgainstBaseline(modes),
            StatusTimes = result.StatusTimes(),
            Steps = result.StepTimes(),
            Environment = BenchEnvironment.Capture(cluster),
            Advice = ControllerAdvice.For(cluster.Controller),
            Notes = notes,
        };
    }
}
