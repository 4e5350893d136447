using System.Text.Json.Nodes;
using ArgoFlow.Bench.Cluster;
using ArgoFlow.Bench.Reporting;
using ArgoFlow.Cluster.Controller;

namespace ArgoFlow.Bench.Tests.Reporting;

/// <summary>The cluster bench report in the shared report model: JSON keys, ratios, target, cluster section.</summary>
public sealed class ReportOutputTests
{
    private static ClusterRunSample Run(string template, double wall, double status, string phase = "Succeeded") =>
        new(template, 0, false, template + "-x", phase, wall, status,
            [new ClusterStepSample("resize", phase, status / 2, wall / 3), new ClusterStepSample("detect", phase, status / 2, null)],
            phase == "Succeeded" ? null : "child failed");

    private static BenchReport Sample(ControllerSettings? settings = null)
    {
        var result = new ClusterBenchResult(
            [Run("http", 1200, 1000), Run("container", 60000, 59000), Run("http", 1300, 2000), Run("container", 64000, 63000), Run("container", 500, 0, "Failed")],
            new Dictionary<string, string?> { ["http"] = "http", ["container"] = "container" });
        var controller = settings ?? new ControllerSettings { Namespace = "argo", Readable = true, DefaultRequeueTime = "10s" };
        var cluster = ClusterBenchReport.Cluster(result, "https://k:6443/", "kind-argoflow", "argo", controller);
        var environment = new EnvironmentReport("m", "cpu", 2, "Linux", ".NET 10", "0.1.0", "1.31.1", "4.13.0");
        return ClusterBenchReport.Build(result, new ClusterBenchOptions { Templates = ["http", "container"], Runs = 2 }, cluster, environment);
    }

    [Fact]
    public void JsonHasTheSharedTopLevelKeysAndTheClusterSection()
    {
        var json = JsonNode.Parse(BenchJson.Write(Sample()))!.AsObject();

        Assert.Equal(["schemaVersion", "kind", "pipeline", "settings", "modes", "ratios", "environment", "cluster"], json.Select(p => p.Key));
        var http = json["modes"]![0]!;
        Assert.Equal(("http", 2, 0, 1250.0), ((string?)http["name"], (int)http["n"]!, (int)http["failures"]!, (double)http["p50Ms"]!));
        Assert.True((bool)http["target"]!["met"]!);
        var container = json["modes"]![1]!;
        Assert.Equal(1, (int)container["failures"]!);
        Assert.Equal("Failed: child failed", (string?)container["errors"]![0]!["message"]);
        Assert.False((bool)container["target"]!["met"]!);
        Assert.Equal(49.6, (double)json["ratios"]![0]!["p50"]!);
        Assert.Equal("10s", (string?)json["cluster"]!["controller"]!["defaultRequeueTime"]);
        Assert.False((bool)json["cluster"]!["controller"]!["externalAgent"]!);
        Assert.Equal(1500, (double)json["cluster"]!["statusTimes"]![0]!["p50Ms"]!);
    }

    [Theory]
    [InlineData(null, null, "an agent pod per workflow (disableAgentPodCreation unset)")]
    [InlineData("false", null, "an agent pod per workflow (disableAgentPodCreation=false)")]
    [InlineData(null, "configmaps is forbidden", "an agent pod per workflow unless disableAgentPodCreation is \"true\" (not known: configmaps is forbidden)")]
    [InlineData("true", null, "the external agent (disableAgentPodCreation=true, no agent pod)")]
    public void The_table_tells_an_unset_setting_from_an_unreadable_one(string? setting, string? problem, string expected)
    {
        var controller = new ControllerSettings
        {
            Namespace = "argo", Readable = true, DefaultRequeueTime = "10s", DisableAgentPodCreation = setting, ConfigMapProblem = problem,
        };

        var table = BenchTable.Write(Sample(controller));

        Assert.Contains("http/plugin steps run in " + expected, table, StringComparison.Ordinal);
    }

    [Fact]
    public void TableAndMarkdownShowTheClusterSectionAndAdvice()
    {
        var report = Sample();

        var table = BenchTable.Write(report);
        var markdown = BenchMarkdown.Write(report, "argoflow bench --cluster", "chart.svg");

        Assert.Contains("DEFAULT_REQUEUE_TIME=10s", table, StringComparison.Ordinal);
        Assert.Contains("http/plugin steps run in an agent pod per workflow", table, StringComparison.Ordinal);
        Assert.Contains("advice: DEFAULT_REQUEUE_TIME is 10s: set 1s", table, StringComparison.Ordinal);
        Assert.Matches(@"container\s+detect\s+status\s+2\s+", table);
        Assert.Contains("What to change to reach 1-3 s:", markdown, StringComparison.Ordinal);
        Assert.Contains("| http | resize | observed | 2 |", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void LocalReportsHaveNoClusterSection()
    {
        var local = Sample() with { Kind = "local", Cluster = null };

        var json = JsonNode.Parse(BenchJson.Write(local))!;

        Assert.Null(json["cluster"]);
        Assert.DoesNotContain("advice:", BenchTable.Write(local), StringComparison.Ordinal);
    }
}
