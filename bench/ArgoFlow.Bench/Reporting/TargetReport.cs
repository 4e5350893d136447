namespace ArgoFlow.Bench.Reporting;

/// <summary>Met when there was at least one success, no failure, and the p95 is at or under the target.</summary>
public sealed record TargetReport(double TargetMs, string Statistic, bool Met);
