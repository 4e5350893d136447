using System.Text.Json.Nodes;
using ArgoFlow.Bench.Reporting;
using ArgoFlow.Bench.Statistics;
using ArgoFlow.Cluster.Controller;
using ArgoFlow.TestSupport;

namespace ArgoFlow.Bench.Tests.Reporting;

public sealed class ReportOutputTests
{
    private static BenchReport Sample() => new()
    {
        Kind = "cluster",
        StartedAt = new DateTimeOffset(2026, 1, 15, 9, 0, 0, TimeSpan.Zero),
        FinishedAt = new DateTimeOffset(2026, 1, 15, 9, 2, 0, TimeSpan.Zero),
        Metric = "wall time",
        Modes = [Summaries.Summarize("http", [1200, 1300, 1250], 0), Summaries.Summarize("container", [60000, 64000, 61000], 1)],
        Ratios = [new Ratio("container/http", "container", "http", "p50", 48.8)],
        StatusTimes = [Summaries.Summarize("http", [1000, 2000, 1000], 0)],
        Steps = [Summaries.Summarize("http/resize status", [1000, 1000, 1000], 0)],
        Environment = new BenchEnvironment
        {
            Machine = "m", Os = "Linux", Cores = 2, Runtime = ".NET 10", Argoflow = "0.1.0",
            Cluster = new ClusterEnvironment("https://k:6443/", "kind-argoflow", "argo",
                new ControllerSettings { Namespace = "argo", Readable = true, DefaultRequeueTime = "10s" }),
        },
        Advice = ["DEFAULT_REQUEUE_TIME is 10s: set 1s"],
    };

    [Fact]
    public void JsonHasTheDocumentedTopLevelAndModeKeys()
    {
        var json = JsonNode.Parse(BenchJson.Serialize(Sample()))!.AsObject();

        Assert.Equal(
            ["schemaVersion", "kind", "startedAt", "finishedAt", "metric", "modes", "ratios", "statusTimes", "steps", "environment", "advice", "notes"],
            json.Select(p => p.Key));
        var mode = json["modes"]![0]!.AsObject();
        foreach (var key in new[] { "name", "n", "failures", "p50Ms", "p95Ms", "p99Ms", "meanMs", "minMs", "maxMs" })
        {
            Assert.True(mode.ContainsKey(key), key);
        }

        Assert.Equal(1250, (double)mode["p50Ms"]!);
        Assert.Equal(2, (int)json["environment"]!["cores"]!);
        Assert.Equal("10s", (string?)json["environment"]!["cluster"]!["controller"]!["defaultRequeueTime"]);
        Assert.Equal(48.8, (double)json["ratios"]![0]!["value"]!);
    }

    [Fact]
    public void JsonRoundTrips()
    {
        var report = Sample();

        var again = BenchJson.Deserialize(BenchJson.Serialize(report));

        Assert.Equal(BenchJson.Serialize(report), BenchJson.Serialize(again));
    }

    [Fact]
    public void TableAndMarkdownShowModesRatiosControllerAndAdvice()
    {
        var table = BenchTable.Render(Sample());
        var markdown = BenchMarkdown.Render(Sample(), "chart.svg", "argoflow bench --cluster");

        Assert.Matches(@"http\s+3\s+0\s+1250\.0 ms", table);
        Assert.Contains("container/http 48.8x", table, StringComparison.Ordinal);
        Assert.Contains("DEFAULT_REQUEUE_TIME=10s", table, StringComparison.Ordinal);
        Assert.Contains("advice: DEFAULT_REQUEUE_TIME is 10s: set 1s", table, StringComparison.Ordinal);
        Assert.Contains("| container | 3 | 1 | 61.00 s |", markdown, StringComparison.Ordinal);
        Assert.Contains("![latency per mode](chart.svg)", markdown, StringComparison.Ordinal);
        Assert.Contains("## What to change", markdown, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("chart.svg")]
    [InlineData("chart.png")]
    public void ChartIsWrittenInTheFormatOfTheExtension(string file)
    {
        using var dir = new TempDirectory();
        var path = dir.Combine("out", file);

        BenchChart.Save(Sample(), path);

        var bytes = File.ReadAllBytes(path);
        if (file.EndsWith(".svg", StringComparison.Ordinal))
        {
            Assert.Contains("<svg", System.Text.Encoding.UTF8.GetString(bytes), StringComparison.Ordinal);
        }
        else
        {
            Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47 }, bytes[..4]);
        }
    }

    [Fact]
    public void ChartRejectsOtherExtensions()
    {
        var ex = Assert.Throws<ArgoFlow.Core.Errors.ArgoFlowException>(() => BenchChart.Save(Sample(), "chart.jpg"));

        Assert.Contains(".svg or .png", ex.Message, StringComparison.Ordinal);
    }
}
