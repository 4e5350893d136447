using System.Text.Json.Nodes;
using ArgoFlow.Agent;
using ArgoFlow.Cluster.Apply;
using ArgoFlow.Cluster.Kube;
using ArgoFlow.Services.Detect;
using ArgoFlow.Services.Hosting;
using ArgoFlow.Steps.Client;
using ArgoFlow.Templates.Generation;
using ArgoFlow.Templates.Spec;
using ArgoFlow.TestSupport;
using ArgoFlow.TestSupport.ArgoController;
using ArgoFlow.TestSupport.FakeKube;

namespace ArgoFlow.Benchmarks.Agent;

/// <summary>
/// The measured system: warm services on loopback, the fake API server, the fake Argo controller (no requeue delay)
/// and one `argoflow agent` with its default settings and the real step client - all in this process.
/// </summary>
internal sealed class AgentBenchRig : IAsyncDisposable
{
    private readonly TempDirectory _store = new("argoflow-agent-bench");
    private readonly TempDirectory _dir = new("argoflow-agent-bench-kube");
    private readonly StepClient _client = new();
    private readonly CancellationTokenSource _stop = new();
    private RunningWarmHost _host = null!;
    private KubeConnection _connection = null!;
    private ExternalAgent _agent = null!;
    private Task _run = Task.CompletedTask;

    public FakeKubeServer Server { get; private set; } = null!;

    public TaskSetController Controller { get; private set; } = null!;

    public static async Task<AgentBenchRig> StartAsync(TimeSpan? patchWindow = null)
    {
        var rig = new AgentBenchRig();
        Directory.CreateDirectory(rig._store.Combine("in"));
        foreach (var image in Directory.EnumerateFiles(SharedData.ImagesDir, "*.jpg"))
        {
            File.Copy(image, rig._store.Combine("in", Path.GetFileName(image)));
        }

        rig._host = await WarmHost.StartAsync(
            new WarmHostOptions { GrpcPort = 0, HttpPort = 0, Store = rig._store.Path, Models = [new ModelOptions { Path = SharedData.ModelPath }], ConfigureLogging = _ => { } },
            null, null, CancellationToken.None);
        await rig._host.WaitUntilServingAsync(CancellationToken.None);
        rig.Server = await FakeKubeServer.StartAsync(TimeProvider.System);
        rig.Controller = TaskSetController.Start(rig.Server.Store);
        rig._connection = KubeConnection.Open(new KubeConnectionOptions { KubeconfigPath = rig.Server.WriteKubeconfig(rig._dir.Path), KubeconfigEnv = null, HomeDirectory = null });
        rig._agent = new ExternalAgent(new KubeApiClient(rig._connection), new AgentOptions { Namespaces = ["argo"], PatchWindow = patchWindow ?? new AgentOptions().PatchWindow }, rig._client);
        rig.PatchWindow = patchWindow ?? new AgentOptions().PatchWindow;
        rig._run = Task.Run(() => rig._agent.RunAsync(rig._stop.Token));
        await rig._agent.Ready.WaitAsync(TimeSpan.FromSeconds(30));
        return rig;
    }

    /// <summary>Stores the generated WorkflowTemplate of the classic sample (first <paramref name="steps"/> steps) in a mode.</summary>
    public string AddTemplate(GeneratorOptions options, int steps, string name)
    {
        var text = SampleSpecs.PointedAt("classic", _host.GrpcAddress, _host.HttpBaseUrl!);
        var spec = PipelineSpecReader.Read(text, "classic.yaml");
        spec = spec with { Name = name, Steps = spec.Steps.Take(steps).ToList() };
        var yaml = PipelineGenerator.Generate([spec], options).Single(f => f.Path.EndsWith("/workflowtemplate.yaml", StringComparison.Ordinal)).Content;
        Server.Store.Add(FakeResource.WorkflowTemplates, "argo", ManifestReader.Parse(name + ".yaml", yaml).Single().Body);
        return name;
    }

    public void Submit(string name, string template, string input) => Server.Store.Add(FakeResource.Workflows, "argo", new JsonObject
    {
        ["apiVersion"] = "argoproj.io/v1alpha1", ["kind"] = "Workflow",
        ["metadata"] = new JsonObject { ["name"] = name, ["namespace"] = "argo" },
        ["spec"] = new JsonObject
        {
            ["workflowTemplateRef"] = new JsonObject { ["name"] = template },
            ["arguments"] = new JsonObject { ["parameters"] = new JsonArray(new JsonObject { ["name"] = "input", ["value"] = input }) },
        },
    });

    public TimeSpan PatchWindow { get; private set; }

    public int PodRequests => Server.Requests.Count(r => r.Contains("/pods", StringComparison.Ordinal));

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _run.ConfigureAwait(false);
        _agent.Dispose();
        await Controller.DisposeAsync();
        await Server.DisposeAsync();
        await _host.DisposeAsync();
        _connection.Dispose();
        _client.Dispose();
        _stop.Dispose();
        _store.Dispose();
        _dir.Dispose();
    }
}
