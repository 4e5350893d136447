using ArgoFlow.Bench.Statistics;

namespace ArgoFlow.Bench.Tests.Statistics;

public sealed class PercentileTests
{
    private static readonly double[] OneToTen = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];

    [Theory]
    [InlineData(0, 1)]
    [InlineData(50, 5.5)]
    [InlineData(90, 9.1)]
    [InlineData(95, 9.55)]
    [InlineData(99, 9.91)]
    [InlineData(100, 10)]
    public void Percentile_of_one_to_ten_interpolates_between_closest_ranks(double p, double expected) =>
        Assert.Equal(expected, Percentile.OfSorted(OneToTen, p), 9);

    [Fact]
    public void Percentile_of_unsorted_values_sorts_them_first() =>
        Assert.Equal(5.5, Percentile.Of([10, 1, 9, 2, 8, 3, 7, 4, 6, 5], 50), 9);

    [Fact]
    public void Percentile_of_a_single_value_is_that_value_for_every_p()
    {
        Assert.Equal(42, Percentile.OfSorted([42], 1));
        Assert.Equal(42, Percentile.OfSorted([42], 99));
    }

    [Fact]
    public void Percentile_of_no_values_throws() =>
        Assert.Throws<ArgumentException>(() => Percentile.OfSorted([], 50));

    [Theory]
    [InlineData(-1)]
    [InlineData(100.5)]
    [InlineData(double.NaN)]
    public void Percentile_outside_zero_to_hundred_throws(double p) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Percentile.OfSorted(OneToTen, p));

    [Fact]
    public void Summary_of_known_values_has_every_statistic()
    {
        var summary = LatencySummary.From([4, 1, 3, 2, 100]);
        Assert.Equal(new LatencySummary(5, 1, 22, 3, 61.6, 80.8, 96.16, 100), summary with
        {
            P90 = Math.Round(summary.P90, 6), P95 = Math.Round(summary.P95, 6), P99 = Math.Round(summary.P99, 6),
        });
    }

    [Fact]
    public void Summary_of_no_values_is_empty_with_count_zero() =>
        Assert.Equal(LatencySummary.Empty, LatencySummary.From([]));
}
