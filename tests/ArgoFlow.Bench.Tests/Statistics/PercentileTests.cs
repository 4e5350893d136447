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
    public void SummaryCountsFailuresAndWarmupAndKeepsRunOrder()
    {
        var summary = Summaries.Summarize("http", [30, 10, 20, 40, 1000], failures: 2, warmup: 1);

        Assert.Equal(5, summary.N);
        Assert.Equal(2, summary.Failures);
        Assert.Equal(1, summary.Warmup);
        Assert.Equal(30, summary.P50Ms);
        Assert.Equal(220, summary.MeanMs);
        Assert.Equal(10, summary.MinMs);
        Assert.Equal(1000, summary.MaxMs);
        Assert.Equal(961.6, summary.P99Ms);
        Assert.Equal([30, 10, 20, 40, 1000], summary.SamplesMs);
    }

    [Fact]
    public void SummaryWithoutSuccessesHasNoStatistics()
    {
        var summary = Summaries.Summarize("container", [], failures: 3);

        Assert.Equal(0, summary.N);
        Assert.Null(summary.P50Ms);
        Assert.Equal(3, summary.Failures);
    }

    [Fact]
    public void RatiosAreAgainstTheFastestMedian()
    {
        var modes = new[]
        {
            Summaries.Summarize("container", [3000, 3100, 2900], 0),
            Summaries.Summarize("http", [100, 110, 90], 0),
            Summaries.Summarize("broken", [], 3),
        };

        var ratio = Assert.Single(Ratios.AgainstBaseline(modes));

        Assert.Equal("container/http", ratio.Name);
        Assert.Equal("p50", ratio.Metric);
        Assert.Equal(30, ratio.Value);
    }
}
