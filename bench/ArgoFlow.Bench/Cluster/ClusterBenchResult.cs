using ArgoFlow.Bench.Reporting;

namespace ArgoFlow.Bench.Cluster;

/// <summary>Every sample of a cluster bench, by template in the order given, with the mode label of each template.</summary>
public sealed record ClusterBenchResult(IReadOnlyList<ClusterRunSample> Samples, IReadOnlyDictionary<string, string?> ModeLabels)
{
    public IReadOnlyList<string> Templates => [.. ModeLabels.Keys];

    /// <summary>The measured (not warm-up) runs of one template.</summary>
    public IReadOnlyList<ClusterRunSample> Measured(string template) =>
        Samples.Where(s => s.Template == template && !s.Warmup).ToList();

    /// <summary>Client wall times of the successful measured runs, for the chart.</summary>
    public IReadOnlyList<double> WallTimes(string template) =>
        Measured(template).Where(s => s.Succeeded).Select(s => s.WallMs).ToList();

    /// <summary>Per template: the workflow status time (finishedAt - startedAt).</summary>
    public IReadOnlyList<ClusterTiming> StatusTimes() =>
        Templates.Select(t => ClusterTiming.From(t, null, "status", Measured(t).Where(s => s.Succeeded).Select(s => s.StatusMs).OfType<double>()))
            .ToList();

    /// <summary>Per template and step: status and (when seen) client-observed durations.</summary>
    public IReadOnlyList<ClusterTiming> StepTimes()
    {
        var result = new List<ClusterTiming>();
        foreach (var template in Templates)
        {
            var runs = Measured(template).Where(s => s.Succeeded).ToList();
            foreach (var step in runs.SelectMany(r => r.Steps.Select(s => s.Name)).Distinct(StringComparer.Ordinal))
            {
                var steps = runs.Select(r => r.Steps.FirstOrDefault(s => s.Name == step)).OfType<ClusterStepSample>().ToList();
                result.Add(ClusterTiming.From(template, step, "status", steps.Select(s => s.StatusMs).OfType<double>()));
                var observed = steps.Select(s => s.ObservedMs).OfType<double>().ToList();
                if (observed.Count > 0)
                {
                    result.Add(ClusterTiming.From(template, step, "observed", observed));
                }
            }
        }

        return result;
    }
}
