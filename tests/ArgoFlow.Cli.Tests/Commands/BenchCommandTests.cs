using System.Text.Json.Nodes;
using ArgoFlow.TestSupport.FakeKube;

namespace ArgoFlow.Cli.Tests.Commands;

public sealed class BenchCommandTests
{
    private static async Task<ClusterCommandHarness> StartAsync()
    {
        var h = await ClusterCommandHarness.StartAsync();
        h.AddTemplate("pipeline");
        h.AddTemplate("pipeline-b");
        h.Server.Controller.AutoRun = true;
        h.Server.Controller.TemplateDurations["detect"] = TimeSpan.FromSeconds(3);
        return h;
    }

    [Fact]
    public async Task ClusterBenchWritesJsonReportAndChart()
    {
        await using var h = await StartAsync();
        var report = h.Dir.Combine("bench.md");
        var chart = h.Dir.Combine("bench.svg");

        var (code, stdout, stderr) = await h.RunAsync(
            "bench", "--cluster", "--from", "workflowtemplate/pipeline", "--from", "workflowtemplate/pipeline-b", "--runs", "2",
            "-p", "input=s3://images/x.jpg", "--output", "json", "--report", report, "--chart", chart);

        Assert.Equal(0, code);
        var json = JsonNode.Parse(stdout)!;
        Assert.Equal("cluster", (string?)json["kind"]);
        Assert.Equal(["pipeline", "pipeline-b"], json["modes"]!.AsArray().Select(m => (string?)m!["name"]));
        Assert.All(json["modes"]!.AsArray(), m => Assert.Equal(2, (int)m!["n"]!));
        Assert.Equal(4000, (double)json["cluster"]!["statusTimes"]![0]!["p50Ms"]!);
        Assert.Contains(json["cluster"]!["steps"]!.AsArray(), s => (string?)s!["step"] == "detect" && (string?)s["source"] == "status" && (double)s["p50Ms"]! == 3000);
        Assert.Contains("deployment/workflow-controller not found", (string?)json["cluster"]!["controller"]!["problem"], StringComparison.Ordinal);
        Assert.Equal(3000, (double)json["settings"]!["targetMs"]!);
        Assert.Contains("[4/4] pipeline-b run 2: Succeeded", stderr, StringComparison.Ordinal);
        Assert.Contains("# Benchmark: pipeline, pipeline-b (cluster)", File.ReadAllText(report), StringComparison.Ordinal);
        Assert.Contains("<svg", File.ReadAllText(chart), StringComparison.Ordinal);
        Assert.Equal(4, h.Server.Store.List(FakeResource.Workflows, "argo").Count);
    }

    [Fact]
    public async Task TableOutputIsTheDefault()
    {
        await using var h = await StartAsync();

        var (code, stdout, _) = await h.RunAsync("bench", "--cluster", "--from", "workflowtemplate/pipeline", "--runs", "1");

        Assert.Equal(0, code);
        Assert.StartsWith("pipeline pipeline: 1 run per mode after 0 warm-up runs,", stdout, StringComparison.Ordinal);
        Assert.Matches(@"pipeline\s+1\s+1\s+0\s+", stdout);
        Assert.Contains("advice: controller settings deployment/workflow-controller not found", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OneWarmUpRunIsSingularInTheTable()
    {
        await using var h = await StartAsync();

        var (code, stdout, _) = await h.RunAsync("bench", "--cluster", "--from", "workflowtemplate/pipeline", "--runs", "1", "--warmup", "1");

        Assert.Equal(0, code);
        Assert.StartsWith("pipeline pipeline: 1 run per mode after 1 warm-up run,", stdout, StringComparison.Ordinal);
        Assert.Equal(2, h.Server.Store.List(FakeResource.Workflows, "argo").Count);
    }

    [Fact]
    public async Task FailuresAreCountedAndExitFive()
    {
        await using var h = await StartAsync();
        h.Server.Controller.FailingSteps["resize"] = "oom";

        var (code, stdout, _) = await h.RunAsync("bench", "--cluster", "--from", "workflowtemplate/pipeline", "--runs", "2", "-o", "json");

        Assert.Equal(5, code);
        Assert.Equal(2, (int)JsonNode.Parse(stdout)!["modes"]![0]!["failures"]!);
    }

    [Theory]
    [InlineData("--chart", "x.jpg")]
    [InlineData("--output", "csv")]
    public async Task BadOutputFlagsFailBeforeAnythingRuns(string flag, string value)
    {
        await using var h = await StartAsync();

        var (code, _, _) = await h.RunAsync("bench", "--cluster", "--from", "workflowtemplate/pipeline", flag, value);

        Assert.Equal(2, code);
        Assert.Empty(h.Server.Store.List(FakeResource.Workflows, "argo"));
    }

    [Fact]
    public async Task WithoutAModeItIsAUsageError()
    {
        await using var h = await StartAsync();

        var (code, _, stderr) = await h.RunAsync("bench");

        Assert.Equal(2, code);
        Assert.Contains("--cluster", stderr, StringComparison.Ordinal);
    }
}
