namespace ArgoFlow.Bench.Statistics;

/// <summary>The usual description of a set of latencies, in milliseconds. All zeros when there are none (<see cref="Count"/> 0).</summary>
public sealed record LatencySummary(int Count, double Min, double Mean, double P50, double P90, double P95, double P99, double Max)
{
    public static LatencySummary Empty { get; } = new(0, 0, 0, 0, 0, 0, 0, 0);

    public static LatencySummary From(IEnumerable<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var sorted = values.Order().ToArray();
        if (sorted.Length == 0)
        {
            return Empty;
        }

        return new LatencySummary(
            sorted.Length,
            sorted[0],
            sorted.Average(),
            Percentile.OfSorted(sorted, 50),
            Percentile.OfSorted(sorted, 90),
            Percentile.OfSorted(sorted, 95),
            Percentile.OfSorted(sorted, 99),
            sorted[^1]);
    }
}
