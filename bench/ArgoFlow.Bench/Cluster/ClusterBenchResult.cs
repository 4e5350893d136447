using ArgoFlow.Bench.Statistics;

namespace ArgoFlow.Bench.Cluster;

/// <summary>Every sample of a cluster bench, and the statistics the report shows.</summary>
public sealed record ClusterBenchResult(IReadOnlyList<ClusterRunSample> Samples, IReadOnlyDictionary<string, string?> ModeLabels)
{
    /// <summary>Per template: the client-observed wall time of the successful measured runs.</summary>
    public IReadOnlyList<ModeSummary> WallTimes() => Summarize(s => s.WallMs);

    /// <summary>Per template: the status duration (finishedAt - startedAt, whole seconds).</summary>
    public IReadOnlyList<ModeSummary> StatusTimes() => Summarize(s => s.StatusMs);

    /// <summary>Per template and step: status and observed durations (names "TEMPLATE/STEP status|observed").</summary>
    public IReadOnlyList<ModeSummary> StepTimes()
    {
        var result = new List<ModeSummary>();
        foreach (var template in ModeLabels.Keys)
        {
            var runs = Measured(template).Where(s => s.Succeeded).ToList();
            var names = runs.SelectMany(r => r.Steps.Select(s => s.Name)).Distinct(StringComparer.Ordinal);
            foreach (var step in names)
            {
                var steps = runs.Select(r => r.Steps.FirstOrDefault(s => s.Name == step)).OfType<ClusterStepSample>().ToList();
                result.Add(Summaries.Summarize($"{template}/{step} status", steps.Select(s => s.StatusMs).OfType<double>().ToList(), 0));
                var observed = steps.Select(s => s.ObservedMs).OfType<double>().ToList();
                if (observed.Count > 0)
                {
                    result.Add(Summaries.Summarize($"{template}/{step} observed", observed, 0));
                }
            }
        }

        return result;
    }

    private IEnumerable<ClusterRunSample> Measured(string template) => Samples.Where(s => s.Template == template && !s.Warmup);

    private List<ModeSummary> Summarize(Func<ClusterRunSample, double?> value) =>
        ModeLabels.Keys.Select(template =>
        {
            var measured = Measured(template).ToList();
            var ok = measured.Where(s => s.Succeeded).Select(value).OfType<double>().ToList();
            return Summaries.Summarize(template, ok, measured.Count(s => !s.Succeeded), Samples.Count(s => s.Template == template && s.Warmup));
        }).ToList();
}
