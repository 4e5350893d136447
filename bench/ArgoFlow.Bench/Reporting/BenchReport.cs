namespace ArgoFlow.Bench.Reporting;

/// <summary>
/// The result of a benchmark, as `--output json` writes it (schema in docs/benchmarks.md; add fields, never rename
/// or remove them without raising <see cref="SchemaVersion"/>). Times are milliseconds, rounded to 0.001.
/// </summary>
/// <param name="SchemaVersion">1.</param>
/// <param name="Kind">"local" or "cluster".</param>
/// <param name="Pipeline">The pipeline's name (or "bench-SERVICE" for --service).</param>
/// <param name="Settings">What was asked for.</param>
/// <param name="Modes">One entry per mode, in the order they ran.</param>
/// <param name="Ratios">Slower mode over faster mode, for the pairs that were run.</param>
/// <param name="Environment">Where it ran.</param>
/// <param name="Cluster">Cluster benchmarks only: the cluster, its controller settings, status and per-step times.</param>
public sealed record BenchReport(
    int SchemaVersion,
    string Kind,
    string Pipeline,
    BenchSettings Settings,
    IReadOnlyList<ModeReport> Modes,
    IReadOnlyList<RatioReport> Ratios,
    EnvironmentReport Environment,
    ClusterReport? Cluster = null)
{
    public const int CurrentSchemaVersion = 1;

    public ModeReport? Find(string mode) => Modes.FirstOrDefault(m => m.Name == mode);
}
