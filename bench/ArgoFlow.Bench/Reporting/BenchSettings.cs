namespace ArgoFlow.Bench.Reporting;

/// <summary>The run's settings.</summary>
/// <param name="Service">The service benchmarked alone (--service), or null for the whole pipeline.</param>
/// <param name="Inputs">The input images' file names.</param>
/// <param name="TargetMs">The target each mode's p95 is checked against.</param>
public sealed record BenchSettings(
    int Iterations,
    int Warmup,
    int Concurrency,
    string? Service,
    IReadOnlyList<string> Inputs,
    double TargetMs);
