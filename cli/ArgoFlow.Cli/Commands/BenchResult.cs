using ArgoFlow.Bench.Reporting;

namespace ArgoFlow.Cli.Commands;

/// <summary>What a bench run hands to <see cref="BenchOutput"/>: the report and each mode's latencies for the chart.</summary>
internal sealed record BenchResult(BenchReport Report, IReadOnlyList<(string Mode, IReadOnlyList<double> LatenciesMs)> Series);
