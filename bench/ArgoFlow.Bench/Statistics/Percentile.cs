namespace ArgoFlow.Bench.Statistics;

/// <summary>
/// Percentiles by linear interpolation between the closest ranks (Hyndman-Fan type 7, the default of numpy and
/// Excel's PERCENTILE.INC): p50 of [1, 2, 3, 4] is 2.5. With few samples p99 is close to the maximum.
/// </summary>
public static class Percentile
{
    /// <summary>The <paramref name="p"/>-th percentile (0-100) of values already sorted ascending.</summary>
    public static double OfSorted(IReadOnlyList<double> sorted, double p)
    {
        ArgumentNullException.ThrowIfNull(sorted);
        if (sorted.Count == 0)
        {
            throw new ArgumentException("no values", nameof(sorted));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(p, 0);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(p, 100);
        var rank = p / 100 * (sorted.Count - 1);
        var lower = (int)Math.Floor(rank);
        var upper = (int)Math.Ceiling(rank);
        return sorted[lower] + ((sorted[upper] - sorted[lower]) * (rank - lower));
    }

    public static double Of(IEnumerable<double> values, double p) => OfSorted(values.Order().ToList(), p);
}
