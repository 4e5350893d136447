using System.Text.Json;
using ArgoFlow.Bench.Local;
using ArgoFlow.Bench.Reporting;
using ArgoFlow.Bench.Tests.Support;
using ArgoFlow.TestSupport;

namespace ArgoFlow.Bench.Tests.Reporting;

public sealed class BenchJsonTests
{
    private static readonly string Golden = Path.Combine(SharedData.RepoRoot, "tests", "ArgoFlow.Bench.Tests", "Golden", "local-report.json");

    private static BenchReport Report() => LocalBenchAnalysis.Analyze(SyntheticRuns.ThreeModes(), SyntheticRuns.Environment);

    [Fact]
    public void Json_report_matches_the_committed_golden_file_byte_for_byte() =>
        GoldenFile.AssertMatches(Golden, BenchJson.Write(Report()));

    [Fact]
    public void Json_report_has_the_documented_top_level_and_mode_fields()
    {
        using var document = JsonDocument.Parse(BenchJson.Write(Report()));
        var root = document.RootElement;
        Assert.Equal(
            ["schemaVersion", "kind", "pipeline", "settings", "modes", "ratios", "environment", "cluster"],
            root.EnumerateObject().Select(p => p.Name));
        var mode = root.GetProperty("modes")[0];
        Assert.Equal(
            ["name", "description", "n", "successes", "failures", "warmupRuns", "minMs", "meanMs", "p50Ms", "p90Ms", "p95Ms",
             "p99Ms", "maxMs", "throughputPerSecond", "target", "steps", "errors"],
            mode.EnumerateObject().Select(p => p.Name));
        Assert.Equal(
            ["machine", "cpu", "cores", "os", "runtime", "argoFlow", "onnxRuntime", "openCv"],
            root.GetProperty("environment").EnumerateObject().Select(p => p.Name));
        Assert.Equal(1, root.GetProperty("schemaVersion").GetInt32());
    }

    [Fact]
    public void Json_report_reads_back_to_an_equal_report()
    {
        var report = Report();
        var read = BenchJson.Read(BenchJson.Write(report));
        Assert.Equal(BenchJson.Write(report), BenchJson.Write(read));
    }

    [Fact]
    public void Json_report_ends_with_exactly_one_newline()
    {
        var json = BenchJson.Write(Report());
        Assert.EndsWith("}\n", json, StringComparison.Ordinal);
        Assert.False(json.EndsWith("\n\n", StringComparison.Ordinal));
    }
}
