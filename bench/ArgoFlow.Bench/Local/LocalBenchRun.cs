namespace ArgoFlow.Bench.Local;

/// <summary>Everything a local bench recorded: the options, every run in schedule order, and each mode's measured wall time.</summary>
/// <param name="Options">What was run.</param>
/// <param name="Samples">Every run, warm-up runs included (marked), in the order they ran.</param>
/// <param name="MeasuredWallMs">Per mode, the wall time of its measured slots (for throughput).</param>
public sealed record LocalBenchRun(
    LocalBenchOptions Options,
    IReadOnlyList<BenchSample> Samples,
    IReadOnlyDictionary<string, double> MeasuredWallMs);
