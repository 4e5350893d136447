namespace ArgoFlow.Bench.Reporting;

/// <summary>
/// One mode's measured runs. Latency statistics are over the successful runs (<see cref="Successes"/>); failed
/// runs are counted in <see cref="Failures"/> with their causes in <see cref="Errors"/>; warm-up runs only in
/// <see cref="WarmupRuns"/>.
/// </summary>
/// <param name="N">Measured runs (successes + failures).</param>
/// <param name="ThroughputPerSecond">Successful pipelines per second of the mode's measured wall time (runs overlap when concurrency is above 1).</param>
/// <param name="Target">The p95 against the target.</param>
/// <param name="Steps">Per step, the medians of its stages.</param>
/// <param name="Errors">Distinct failure messages with their counts, most frequent first.</param>
public sealed record ModeReport(
    string Name,
    string Description,
    int N,
    int Successes,
    int Failures,
    int WarmupRuns,
    double MinMs,
    double MeanMs,
    double P50Ms,
    double P90Ms,
    double P95Ms,
    double P99Ms,
    double MaxMs,
    double ThroughputPerSecond,
    TargetReport Target,
    IReadOnlyList<StepReport> Steps,
    IReadOnlyList<ErrorCount> Errors);
