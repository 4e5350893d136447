namespace ArgoFlow.Bench.Statistics;

/// <summary>
/// How many times slower <see cref="Numerator"/> is than <see cref="Denominator"/> on one statistic, e.g.
/// <c>{"name":"container/http","numerator":"container","denominator":"http","metric":"p50","value":31.2}</c>.
/// </summary>
public sealed record Ratio(string Name, string Numerator, string Denominator, string Metric, double Value);
