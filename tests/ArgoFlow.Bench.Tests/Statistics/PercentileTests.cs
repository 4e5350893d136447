using ArgoFlow.Bench.Statistics;

namespace ArgoFlow.Bench.Tests.Statistics;

public sealed class PercentileTests
{
    [Theory]
    [InlineData(50, 2.5)]
    [InlineData(0, 1)]
    [InlineData(100, 4)]
    [InlineData(25, 1.75)]
    public void InterpolatesBetweenClosestRanks(double p, double expected)
    {
        Assert.Equal(expected, Percentile.Of([4, 1, 3, 2], p), 9);
    }

    [Fact]
    public void SingleValueIsEveryPercentile()
    {
        Assert.Equal(7, Percentile.Of([7], 99));
    }

    [Fact]
    public void NoValuesIsAnError()
    {
        Assert.Throws<ArgumentException>(() => Percentile.Of([], 50));
    }

    [Fact]
    public void LatencySummaryDescribesTheValues()
    {
        var summary = LatencySummary.From([30, 10, 20, 40, 1000]);

        Assert.Equal(5, summary.Count);
        Assert.Equal(30, summary.P50);
        Assert.Equal(220, summary.Mean);
        Assert.Equal(10, summary.Min);
        Assert.Equal(1000, summary.Max);
        Assert.Equal(961.6, summary.P99, 6);
    }
}
