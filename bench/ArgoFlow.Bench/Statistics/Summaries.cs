namespace ArgoFlow.Bench.Statistics;

/// <summary>Turns raw timings into <see cref="ModeSummary"/> records, rounded to 0.1 ms for stable output.</summary>
public static class Summaries
{
    public static ModeSummary Summarize(string name, IReadOnlyList<double> samplesMs, int failures, int warmup = 0)
    {
        ArgumentNullException.ThrowIfNull(samplesMs);
        if (samplesMs.Count == 0)
        {
            return new ModeSummary { Name = name, Failures = failures, Warmup = warmup };
        }

        var sorted = samplesMs.Order().ToList();
        return new ModeSummary
        {
            Name = name,
            N = samplesMs.Count,
            Failures = failures,
            Warmup = warmup,
            P50Ms = Round(Percentile.OfSorted(sorted, 50)),
            P90Ms = Round(Percentile.OfSorted(sorted, 90)),
            P95Ms = Round(Percentile.OfSorted(sorted, 95)),
            P99Ms = Round(Percentile.OfSorted(sorted, 99)),
            MeanMs = Round(sorted.Average()),
            MinMs = Round(sorted[0]),
            MaxMs = Round(sorted[^1]),
            SamplesMs = samplesMs.Select(Round).ToList(),
        };
    }

    public static double Round(double ms) => Math.Round(ms, 1, MidpointRounding.AwayFromZero);
}
