namespace ArgoFlow.Bench.Statistics;

/// <summary>
/// Percentiles by linear interpolation between the closest ranks (the "R-7" / Excel PERCENTILE.INC definition,
/// also NumPy's default): for p in [0, 100], rank h = (n - 1) p / 100 and the value is
/// x[floor h] + (h - floor h)(x[floor h + 1] - x[floor h]). p50 of an even count is the mean of the middle two.
/// </summary>
public static class Percentile
{
    /// <summary>The p-th percentile of values already sorted ascending. Throws on an empty list or p outside 0..100.</summary>
    public static double OfSorted(IReadOnlyList<double> sorted, double p)
    {
        ArgumentNullException.ThrowIfNull(sorted);
        if (sorted.Count == 0)
        {
            throw new ArgumentException("no values", nameof(sorted));
        }

        if (p is < 0 or > 100 || double.IsNaN(p))
        {
            throw new ArgumentOutOfRangeException(nameof(p), p, "a percentile is in 0..100");
        }

        var rank = (sorted.Count - 1) * p / 100;
        var low = (int)Math.Floor(rank);
        var high = Math.Min(low + 1, sorted.Count - 1);
        return sorted[low] + ((rank - low) * (sorted[high] - sorted[low]));
    }

    /// <summary>The p-th percentile of values in any order.</summary>
    public static double Of(IEnumerable<double> values, double p) => OfSorted(values.Order().ToArray(), p);
}
