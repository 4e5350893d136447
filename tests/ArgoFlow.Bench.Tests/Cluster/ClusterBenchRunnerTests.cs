using System.Text.Json.Nodes;
using ArgoFlow.Bench.Cluster;
using ArgoFlow.Cluster.Kube;
using ArgoFlow.TestSupport;
using ArgoFlow.TestSupport.FakeKube;

namespace ArgoFlow.Bench.Tests.Cluster;

public sealed class ClusterBenchRunnerTests
{
    internal static JsonObject Template(string name, string mode, string stepKind) => (JsonObject)JsonNode.Parse($$$"""
        {"apiVersion":"argoproj.io/v1alpha1","kind":"WorkflowTemplate",
         "metadata":{"name":"{{{name}}}","namespace":"argo","labels":{"argoflow.io/mode":"{{{mode}}}"}},
         "spec":{"entrypoint":"main","arguments":{"parameters":[{"name":"input","value":"s3://images/a.jpg"}]},
           "templates":[{"name":"main","dag":{"tasks":[{"name":"resize","template":"resize"},{"name":"detect","template":"detect","depends":"resize"}]}},
             {"name":"resize",{{{stepKind}}}},{"name":"detect",{{{stepKind}}}}]}}
        """)!;

    internal static async Task<FakeKubeServer> StartAsync()
    {
        var server = await FakeKubeServer.StartAsync();
        server.Controller.AutoRun = true;
        server.Controller.NodeTypeDurations["HTTP"] = TimeSpan.FromSeconds(1);
        server.Controller.NodeTypeDurations["Pod"] = TimeSpan.FromSeconds(30);
        server.Store.Add(FakeResource.WorkflowTemplates, "argo", Template("classic-http", "http", "\"http\":{\"url\":\"http://s:8080/v1/x\"}"));
        server.Store.Add(FakeResource.WorkflowTemplates, "argo", Template("classic-container", "container", "\"container\":{\"image\":\"argoflow\"}"));
        return server;
    }

    [Fact]
    public async Task RunsEveryTemplateInterleavedAndTimesEachStep()
    {
        await using var server = await StartAsync();
        using var dir = new TempDirectory();
        using var connection = KubeConnection.Open(new KubeConnectionOptions { KubeconfigPath = server.WriteKubeconfig(dir.Path), KubeconfigEnv = null });
        var runner = new ClusterBenchRunner(new ArgoClient(new KubeApiClient(connection)), TimeProvider.System);
        var progress = new List<ClusterBenchProgress>();

        var result = await runner.RunAsync(
            new ClusterBenchOptions { Templates = ["classic-http", "classic-container"], Runs = 3, Warmup = 1 },
            new SyncProgress(progress.Add),
            CancellationToken.None);

        Assert.Equal(8, result.Samples.Count);
        Assert.Equal(["classic-http", "classic-container", "classic-http", "classic-container"], result.Samples.Take(4).Select(s => s.Template));
        Assert.Equal(8, progress.Count);
        Assert.Equal(8, progress[^1].Done);
        var status = result.StatusTimes();
        Assert.Equal(2000, status.Single(m => m.Mode == "classic-http").P50Ms);
        Assert.Equal(60000, status.Single(m => m.Mode == "classic-container").P50Ms);
        Assert.All(result.Templates, t => Assert.Equal(3, result.Measured(t).Count));
        Assert.Equal(3, result.WallTimes("classic-http").Count);
        Assert.Contains(result.StepTimes(), s => (s.Mode, s.Step, s.Source, s.P50Ms) == ("classic-container", "detect", "status", 30000));
        Assert.Equal("container", result.ModeLabels["classic-container"]);
        var created = server.Store.List(FakeResource.Workflows, "argo");
        Assert.Equal(8, created.Count);
        Assert.All(created, w => Assert.Equal("cluster", (string?)w["metadata"]!["labels"]!["argoflow.io/bench"]));
    }

    [Fact]
    public async Task FailedWorkflowsAreCountedNotMeasured()
    {
        await using var server = await StartAsync();
        server.Controller.FailingSteps["detect"] = "boom";
        using var dir = new TempDirectory();
        using var connection = KubeConnection.Open(new KubeConnectionOptions { KubeconfigPath = server.WriteKubeconfig(dir.Path), KubeconfigEnv = null });
        var runner = new ClusterBenchRunner(new ArgoClient(new KubeApiClient(connection)), TimeProvider.System);

        var result = await runner.RunAsync(new ClusterBenchOptions { Templates = ["classic-http"], Runs = 2 }, null, CancellationToken.None);

        Assert.Empty(result.WallTimes("classic-http"));
        Assert.All(result.Measured("classic-http"), s => Assert.Equal("Failed", s.Phase));
    }

    [Fact]
    public async Task UnknownParameterStopsTheBenchBeforeAnyWorkflowIsCreated()
    {
        await using var server = await StartAsync();
        using var dir = new TempDirectory();
        using var connection = KubeConnection.Open(new KubeConnectionOptions { KubeconfigPath = server.WriteKubeconfig(dir.Path), KubeconfigEnv = null });
        var runner = new ClusterBenchRunner(new ArgoClient(new KubeApiClient(connection)), TimeProvider.System);

        await Assert.ThrowsAsync<ArgoFlow.Core.Errors.ArgoFlowException>(() => runner.RunAsync(
            new ClusterBenchOptions { Templates = ["classic-http", "classic-container"], Parameters = [new("size", "1")] }, null, CancellationToken.None));

        Assert.Empty(server.Store.List(FakeResource.Workflows, "argo"));
    }

    private sealed class SyncProgress(Action<ClusterBenchProgress> report) : IProgress<ClusterBenchProgress>
    {
        public void Report(ClusterBenchProgress value) => report(value);
    }
}
