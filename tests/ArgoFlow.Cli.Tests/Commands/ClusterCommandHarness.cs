using System.Text.Json.Nodes;
using ArgoFlow.TestSupport;
using ArgoFlow.TestSupport.FakeKube;

namespace ArgoFlow.Cli.Tests.Commands;

/// <summary>Runs `argoflow` in-process against a fake Kubernetes API server, capturing stdout and stderr.</summary>
internal sealed class ClusterCommandHarness : IAsyncDisposable
{
    static ClusterCommandHarness()
    {
        // Client-observed times are cached per user; keep the tests' copies out of the real home.
        Environment.SetEnvironmentVariable("XDG_CACHE_HOME", Path.Combine(Path.GetTempPath(), "argoflow-cli-tests-cache"));
    }

    private ClusterCommandHarness(FakeKubeServer server, TempDirectory dir)
    {
        Server = server;
        Dir = dir;
        Kubeconfig = server.WriteKubeconfig(dir.Path);
    }

    public FakeKubeServer Server { get; }

    public TempDirectory Dir { get; }

    public string Kubeconfig { get; }

    public static async Task<ClusterCommandHarness> StartAsync() =>
        new(await FakeKubeServer.StartAsync(), new TempDirectory("argoflow-cli"));

    public Task<(int Code, string Out, string Err)> RunAsync(params string[] args) => RunAsync(CancellationToken.None, args);

    /// <summary>Runs with a token the test can cancel, as Ctrl+C cancels the command's token.</summary>
    public async Task<(int Code, string Out, string Err)> RunAsync(CancellationToken cancellationToken, params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = await CliApp.RunAsync([.. args, "--kubeconfig", Kubeconfig], stdout, stderr, cancellationToken);
        return (code, stdout.ToString(), stderr.ToString());
    }

    public void AddTemplate(string name = "pipeline")
    {
        var template = (JsonObject)JsonNode.Parse($$$"""
            {"apiVersion":"argoproj.io/v1alpha1","kind":"WorkflowTemplate","metadata":{"name":"{{{name}}}","namespace":"argo"},
             "spec":{"entrypoint":"main","arguments":{"parameters":[{"name":"input","value":"s3://images/in.jpg"}]},
               "templates":[{"name":"main","dag":{"tasks":[{"name":"resize","template":"resize"},{"name":"detect","template":"detect","depends":"resize"}]}},
                 {"name":"resize","http":{"url":"http://argoflow-resize.argo.svc:8080/v1/resize"}},
                 {"name":"detect","http":{"url":"http://argoflow-detect.argo.svc:8080/v1/detect"}}]}}
            """)!;
        Server.Store.Add(FakeResource.WorkflowTemplates, "argo", template);
    }

    public async ValueTask DisposeAsync()
    {
        await Server.DisposeAsync();
        Dir.Dispose();
    }
}
