using ArgoFlow.Bench.Statistics;

namespace ArgoFlow.Bench.Reporting;

/// <summary>
/// The result of one `argoflow bench` run: the stable JSON schema of `--output json` (docs/bench-output.md), also
/// the source of the table, the Markdown report and the chart. Version 1; fields are only ever added.
/// </summary>
public sealed record BenchReport
{
    public int SchemaVersion { get; init; } = 1;

    /// <summary>"cluster" or "local".</summary>
    public required string Kind { get; init; }

    public DateTimeOffset StartedAt { get; init; }

    public DateTimeOffset FinishedAt { get; init; }

    /// <summary>What <see cref="Modes"/> measure, in words.</summary>
    public required string Metric { get; init; }

    public required IReadOnlyList<ModeSummary> Modes { get; init; }

    public IReadOnlyList<Ratio> Ratios { get; init; } = [];

    /// <summary>Cluster: each mode's status duration (finishedAt - startedAt, 1 s resolution). Local: null.</summary>
    public IReadOnlyList<ModeSummary>? StatusTimes { get; init; }

    /// <summary>Per-step distributions, named "MODE/STEP ..." (cluster: status and observed; local: phases).</summary>
    public IReadOnlyList<ModeSummary> Steps { get; init; } = [];

    public required BenchEnvironment Environment { get; init; }

    /// <summary>What to change to go faster (cluster: the controller settings), one sentence each.</summary>
    public IReadOnlyList<string> Advice { get; init; } = [];

    /// <summary>Caveats a reader must know (e.g. what a mode includes or leaves out).</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];
}
