using System.Text.Json.Nodes;
using ArgoFlow.Cluster.Kube;
using ArgoFlow.TestSupport;
using ArgoFlow.TestSupport.FakeKube;

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

    public async ValueTask DisposeAsync()
    {
        Connection.Dispose();
        await Server.DisposeAsync();
        Dir.Dispose();
    }
}
