using System.Text.Json.Nodes;
using ArgoFlow.Reliability.Tests.Support;
using ArgoFlow.TestSupport;
using ArgoFlow.TestSupport.FakeKube;

namespace ArgoFlow.Reliability.Tests.Faults;

/// <summary>
/// `argoflow submit` as a real process against the fake Kubernetes API server answering 500 InternalError (an etcd
/// timeout). Drops and 410 Gone during a watch are covered by the cluster tests (see docs/reliability.md).
/// </summary>
public sealed class KubeApiFaultTests : IAsyncLifetime
{
    private readonly TempDirectory _dir = new("argoflow-rel-kube");
    private FakeKubeServer _server = null!;

    public async Task InitializeAsync()
    {
        _server = await FakeKubeServer.StartAsync();
        _server.Store.Add(FakeResource.WorkflowTemplates, "argo", (JsonObject)JsonNode.Parse(
            """
            {"apiVersion":"argoproj.io/v1alpha1","kind":"WorkflowTemplate","metadata":{"name":"pipeline","namespace":"argo"},
             "spec":{"entrypoint":"main","arguments":{"parameters":[{"name":"input","value":"s3://images/in.jpg"}]},
               "templates":[{"name":"main","dag":{"tasks":[{"name":"resize","template":"resize"}]}},
                 {"name":"resize","http":{"url":"http://argoflow-resize.argo.svc:8080/v1/resize"}}]}}
            """)!);
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        _dir.Dispose();
    }

    [Fact]
    public async Task Internal_error_on_create_is_reported_with_the_servers_message_and_exit_4_creating_nothing()
    {
        _server.FailNext("create", "workflows");

        var (exit, stderr) = await SubmitAsync();

        Assert.Equal(4, exit);
        Assert.Contains("etcdserver: request timed out", stderr, StringComparison.Ordinal);
        Assert.StartsWith("error:", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", stderr, StringComparison.Ordinal);
        Assert.Empty(_server.Store.List(FakeResource.Workflows, "argo"));
    }

    [Fact]
    public async Task Internal_error_on_the_watch_is_reported_and_the_submitted_workflow_is_left_running()
    {
        _server.FailNext("watch", "workflows", times: 20);

        var (exit, stderr) = await SubmitAsync("--wait");

        Assert.NotEqual(0, exit);
        Assert.Contains("etcdserver: request timed out", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", stderr, StringComparison.Ordinal);
        Assert.Single(_server.Store.List(FakeResource.Workflows, "argo"));
    }

    private async Task<(int Exit, string Stderr)> SubmitAsync(params string[] extra)
    {
        var kubeconfig = _server.WriteKubeconfig(_dir.Path);
        await using var submit = ChildProcess.Start(
            ["submit", "--from", "workflowtemplate/pipeline", "--kubeconfig", kubeconfig, .. extra],
            new Dictionary<string, string> { ["XDG_CACHE_HOME"] = _dir.Combine("cache") });
        var exit = await submit.WaitForExitAsync(TimeSpan.FromMinutes(2));
        return (exit, submit.Stderr);
    }
}
