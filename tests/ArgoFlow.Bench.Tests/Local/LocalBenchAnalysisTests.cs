using ArgoFlow.Bench.Local;
using ArgoFlow.Bench.Tests.Support;

namespace ArgoFlow.Bench.Tests.Local;

public sealed class LocalBenchAnalysisTests
{
    [Fact]
    public void Warmup_runs_are_counted_but_left_out_of_the_statistics()
    {
        var warm = LocalBenchAnalysis.Analyze(SyntheticRuns.ThreeModes(), SyntheticRuns.Environment).Find("warm")!;
        Assert.Equal(1, warm.WarmupRuns);
        Assert.Equal(4, warm.N);
        Assert.Equal(10, warm.MinMs);
        Assert.Equal(40, warm.MaxMs);
        Assert.Equal(25, warm.P50Ms);
        Assert.Equal(25, warm.MeanMs);
        Assert.Equal(38.5, warm.P95Ms);
    }

    [Fact]
    public void Ratios_compare_medians_and_p95s_slower_mode_first()
    {
        var report = LocalBenchAnalysis.Analyze(SyntheticRuns.ThreeModes(), SyntheticRuns.Environment);
        var ratios = report.Ratios.ToDictionary(r => $"{r.Numerator}/{r.Denominator}");
        Assert.Equal(["cold/warm", "warm/inproc", "cold/inproc"], report.Ratios.Select(r => $"{r.Numerator}/{r.Denominator}"));
        Assert.Equal(28, ratios["cold/warm"].P50);      // 700 / 25
        Assert.Equal(2.27, ratios["warm/inproc"].P50);  // 25 / 11
        Assert.Equal(Math.Round(970 / 38.5, 2), ratios["cold/warm"].P95);
    }

    [Fact]
    public void Ratios_are_left_out_for_modes_that_did_not_run()
    {
        var run = SyntheticRuns.ThreeModes() with { Options = SyntheticRuns.Options(["warm", "inproc"]) };
        var report = LocalBenchAnalysis.Analyze(run, SyntheticRuns.Environment);
        var ratio = Assert.Single(report.Ratios);
        Assert.Equal(("warm", "inproc"), (ratio.Numerator, ratio.Denominator));
        Assert.Equal(["warm", "inproc"], report.Modes.Select(m => m.Name));
    }

    [Fact]
    public void Target_is_met_when_p95_is_at_or_under_it_and_missed_above()
    {
        var report = LocalBenchAnalysis.Analyze(SyntheticRuns.ThreeModes(targetMs: 38.5), SyntheticRuns.Environment);
        Assert.True(report.Find("warm")!.Target.Met);
        Assert.True(report.Find("inproc")!.Target.Met);
        Assert.False(report.Find("cold")!.Target.Met);
        Assert.Equal("p95", report.Find("warm")!.Target.Statistic);
    }

    [Fact]
    public void Failures_are_counted_grouped_by_message_and_miss_the_target()
    {
        var run = new LocalBenchRun(SyntheticRuns.Options(["warm"]),
            [
                SyntheticRuns.Ok("warm", 10), SyntheticRuns.Failed("warm", "step 'resize' failed: NOT_FOUND"),
                SyntheticRuns.Failed("warm", "step 'resize' failed: NOT_FOUND"), SyntheticRuns.Failed("warm", "timeout"),
            ],
            new Dictionary<string, double> { ["warm"] = 1000 });
        var warm = LocalBenchAnalysis.Analyze(run, SyntheticRuns.Environment).Find("warm")!;
        Assert.Equal(4, warm.N);
        Assert.Equal(1, warm.Successes);
        Assert.Equal(3, warm.Failures);
        Assert.Equal(10, warm.P50Ms);
        Assert.Equal([("step 'resize' failed: NOT_FOUND", 2), ("timeout", 1)], warm.Errors.Select(e => (e.Message, e.Count)));
        Assert.False(warm.Target.Met);
        Assert.Equal(1, warm.ThroughputPerSecond);
    }

    [Fact]
    public void Throughput_is_successful_runs_per_second_of_measured_wall_time()
    {
        var report = LocalBenchAnalysis.Analyze(SyntheticRuns.ThreeModes(), SyntheticRuns.Environment);
        Assert.Equal(40, report.Find("warm")!.ThroughputPerSecond);   // 4 runs in 100 ms
        Assert.Equal(80, report.Find("inproc")!.ThroughputPerSecond); // 4 runs in 50 ms
    }

    [Fact]
    public void Step_breakdown_holds_the_medians_of_each_stage()
    {
        var step = Assert.Single(LocalBenchAnalysis.Analyze(SyntheticRuns.ThreeModes(), SyntheticRuns.Environment).Find("warm")!.Steps);
        Assert.Equal("resize", step.Name);
        Assert.Equal(4, step.N);
        Assert.Equal(7.5, step.ProcessMs);   // 0.3 x 25
        Assert.Equal(20, step.ServiceMs);    // 0.8 x 25
        Assert.Equal(25, step.ClientMs);
        Assert.Equal(5, step.OverheadMs);
    }
}
