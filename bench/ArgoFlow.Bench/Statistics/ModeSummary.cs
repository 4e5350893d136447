namespace ArgoFlow.Bench.Statistics;

/// <summary>
/// One mode's latency distribution in milliseconds, the shape of each entry of the JSON report's <c>modes</c>
/// (docs/bench-output.md). Statistics are over successful runs; <see cref="Failures"/> counts the others and
/// <see cref="Warmup"/> the runs excluded as warm-up. All *Ms fields are null when no run succeeded.
/// </summary>
public sealed record ModeSummary
{
    public required string Name { get; init; }

    /// <summary>Successful measured runs (the sample size of the statistics).</summary>
    public int N { get; init; }

    public int Failures { get; init; }

    public int Warmup { get; init; }

    public double? P50Ms { get; init; }

    public double? P90Ms { get; init; }

    public double? P95Ms { get; init; }

    public double? P99Ms { get; init; }

    public double? MeanMs { get; init; }

    public double? MinMs { get; init; }

    public double? MaxMs { get; init; }

    /// <summary>Pipelines per second when runs overlapped (local --concurrency); null otherwise.</summary>
    public double? ThroughputPerSecond { get; init; }

    /// <summary>The successful runs' values in run order, for charts and re-analysis.</summary>
    public IReadOnlyList<double> SamplesMs { get; init; } = [];
}
