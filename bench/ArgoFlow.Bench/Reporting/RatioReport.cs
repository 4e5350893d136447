namespace ArgoFlow.Bench.Reporting;

/// <summary>Slower mode over faster mode: the ratio of their medians and of their p95s.</summary>
public sealed record RatioReport(string Numerator, string Denominator, double P50, double P95);
