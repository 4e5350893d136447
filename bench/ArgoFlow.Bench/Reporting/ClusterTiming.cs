using ArgoFlow.Bench.Statistics;

namespace ArgoFlow.Bench.Reporting;

/// <summary>
/// One distribution of a cluster benchmark in milliseconds: a mode's status time (Step null) or one step's
/// time by <see cref="Source"/> "status" (from startedAt/finishedAt) or "observed" (by the watching client).
/// </summary>
public sealed record ClusterTiming(
    string Mode,
    string? Step,
    string Source,
    int N,
    double MinMs,
    double MeanMs,
    double P50Ms,
    double P95Ms,
    double P99Ms,
    double MaxMs)
{
    public static ClusterTiming From(string mode, string? step, string source, IEnumerable<double> values)
    {
        var s = LatencySummary.From(values);
        return new ClusterTiming(mode, step, source, s.Count, R(s.Min), R(s.Mean), R(s.P50), R(s.P95), R(s.P99), R(s.Max));
    }

    private static double R(double value) => Math.Round(value, 3);
}
