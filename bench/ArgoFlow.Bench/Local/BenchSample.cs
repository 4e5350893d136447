namespace ArgoFlow.Bench.Local;

/// <summary>One pipeline run of one mode.</summary>
/// <param name="Mode">warm, cold or inproc.</param>
/// <param name="Round">The round of the schedule it ran in (0-based; warm-up rounds come first).</param>
/// <param name="Warmup">True for warm-up runs: counted, never in the statistics.</param>
/// <param name="Succeeded">Every step succeeded.</param>
/// <param name="TotalMs">Wall time of the whole pipeline at the caller.</param>
/// <param name="Steps">Each step's breakdown, in the spec's order.</param>
/// <param name="Error">The first failure's message; null on success.</param>
public sealed record BenchSample(
    string Mode,
    int Round,
    bool Warmup,
    bool Succeeded,
    double TotalMs,
    IReadOnlyList<StepSample> Steps,
    string? Error);
