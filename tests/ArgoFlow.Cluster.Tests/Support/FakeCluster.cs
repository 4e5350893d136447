using System.Text.Json.Nodes;
using ArgoFlow.Cluster.Kube;
using ArgoFlow.Cluster.Submit;
using ArgoFlow.Cluster.Watch;
using ArgoFlow.TestSupport;
using ArgoFlow.TestSupport.FakeKube;
using ArgoFlow.TestSupport.Waits;

namespace ArgoFlow.Cluster.Tests.Support;

/// <summary>A fake API server, a kubeconfig pointing at it, and an open connection in namespace "argo".</summary>
internal sealed class FakeCluster : IAsyncDisposable
{
    private FakeCluster(FakeKubeServer server, TempDirectory dir, string kubeconfig)
    {
        Server = server;
        Dir = dir;
        Kubeconfig = kubeconfig;
        Connection = KubeConnection.Open(Options());
        Api = new KubeApiClient(Connection);
        Argo = new ArgoClient(Api);
    }

    /// <summary>Watch retries in milliseconds, so tests that break watches stay fast.</summary>
    public static WatchSettings FastWatch { get; } = new() { InitialBackoff = TimeSpan.FromMilliseconds(1), MaxBackoff = TimeSpan.FromMilliseconds(5) };

    public FakeKubeServer Server { get; }

    public TempDirectory Dir { get; }

    public string Kubeconfig { get; }

    public KubeConnection Connection { get; }

    public KubeApiClient Api { get; }

    public ArgoClient Argo { get; }

    public static async Task<FakeCluster> StartAsync()
    {
        var server = await FakeKubeServer.StartAsync();
        var dir = new TempDirectory("argoflow-cluster");
        return new FakeCluster(server, dir, server.WriteKubeconfig(dir.Path));
    }

    public KubeConnectionOptions Options() => new() { KubeconfigPath = Kubeconfig, KubeconfigEnv = null, HomeDirectory = null };

    /// <summary>Stores a WorkflowTemplate "pipeline" with a resize -> detect -> filter DAG of HTTP steps.</summary>
    public void AddPipelineTemplate(string name = "pipeline", string? parameterDefault = "s3://images/in.jpg")
    {
        var parameter = new JsonObject { ["name"] = "input" };
        if (parameterDefault is not null)
        {
            parameter["value"] = parameterDefault;
        }

        Server.Store.Add(FakeResource.WorkflowTemplates, "argo", SampleObjects.Pipeline(name, parameter));
    }

    /// <summary>Adds the "pipeline" template and submits a workflow from it; returns the workflow's name.</summary>
    public async Task<string> SubmitPipelineAsync()
    {
        AddPipelineTemplate();
        var result = await new WorkflowSubmitter(Argo).SubmitFromTemplateAsync("pipeline", new SubmitRequest(), CancellationToken.None);
        return result.Workflow.Name;
    }

    /// <summary>Watches a workflow with <see cref="FastWatch"/> (or the given settings) on the system clock.</summary>
    public Task<WorkflowSnapshot> WatchAsync(string name, IWatchObserver observer, WatchSettings? settings = null) =>
        new WorkflowWatcher(Argo, TimeProvider.System, settings ?? FastWatch).WatchAsync(name, observer, CancellationToken.None);

    /// <summary>Waits until a watch stream is open, so dropping it really interrupts a watch.</summary>
    public Task WatchOpenAsync() =>
        Wait.UntilAsync(() => Server.WatchesOpened > 0, "the client to open a watch on the fake API server");

    public async ValueTask DisposeAsync()
    {
        Connection.Dispose();
        await Server.DisposeAsync();
        Dir.Dispose();
    }
}
