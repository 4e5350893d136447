using ArgoFlow.Bench.Local;
using ArgoFlow.Bench.Reporting;
using ArgoFlow.Bench.Tests.Support;
using ArgoFlow.Core.Errors;
using ArgoFlow.TestSupport;

namespace ArgoFlow.Bench.Tests.Reporting;

public sealed class BenchWritersTests
{
    [Fact]
    public void Table_shows_each_mode_the_ratios_and_missed_targets()
    {
        var text = BenchTable.Write(LocalBenchAnalysis.Analyze(SyntheticRuns.ThreeModes(targetMs: 100), SyntheticRuns.Environment));
        var lines = text.Split('\n');
        Assert.Contains(lines, l => l.StartsWith("warm ", StringComparison.Ordinal) && l.EndsWith("met", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("cold ", StringComparison.Ordinal) && l.EndsWith("MISSED", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("cold / warm", StringComparison.Ordinal) && l.Contains("28.0x", StringComparison.Ordinal));
        Assert.DoesNotContain("pipelines/s", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Table_shows_throughput_only_when_runs_overlap()
    {
        var run = SyntheticRuns.ThreeModes() with { Options = SyntheticRuns.Options(["warm", "cold", "inproc"], concurrency: 4) };
        Assert.Contains("pipelines/s", BenchTable.Write(LocalBenchAnalysis.Analyze(run, SyntheticRuns.Environment)), StringComparison.Ordinal);
    }

    [Fact]
    public void Markdown_report_holds_the_command_the_modes_and_the_chart_link()
    {
        var md = BenchMarkdown.Write(LocalBenchAnalysis.Analyze(SyntheticRuns.ThreeModes(), SyntheticRuns.Environment),
            "argoflow bench --local", "chart.svg");
        Assert.Contains("argoflow bench --local", md, StringComparison.Ordinal);
        Assert.Contains("| warm | 4 | 4 | 0 |", md, StringComparison.Ordinal);
        Assert.Contains("| cold / warm | 28.0x |", md, StringComparison.Ordinal);
        Assert.Contains("![latency distribution](chart.svg)", md, StringComparison.Ordinal);
    }

    [Fact]
    public void Chart_is_written_as_svg_with_a_series_per_mode()
    {
        using var temp = new TempDirectory();
        var path = temp.Combine("chart.svg");
        BenchChart.Save(path, "test", [("warm", [10.0, 20, 30]), ("cold", [400.0, 800])], 3000);
        var svg = File.ReadAllText(path);
        Assert.Contains("<svg", svg, StringComparison.Ordinal);
        Assert.Contains("warm (n=3)", svg, StringComparison.Ordinal);
        Assert.Contains("cold (n=2)", svg, StringComparison.Ordinal);
    }

    [Fact]
    public void Chart_with_another_extension_is_a_usage_error()
    {
        using var temp = new TempDirectory();
        var error = Assert.Throws<ArgoFlowException>(() => BenchChart.Save(temp.Combine("chart.gif"), "t", [("warm", [1.0])], 10));
        Assert.Equal(ExitCode.Usage, error.ExitCode);
    }
}
