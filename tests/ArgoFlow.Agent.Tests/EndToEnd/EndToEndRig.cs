using System.Text.Json.Nodes;
using ArgoFlow.Agent.Tests.Support;
using ArgoFlow.Cluster.Kube;
using ArgoFlow.Steps.Client;
using ArgoFlow.Templates.Generation;
using ArgoFlow.TestSupport;
using ArgoFlow.TestSupport.ArgoController;
using ArgoFlow.TestSupport.FakeKube;

namespace ArgoFlow.Agent.Tests.EndToEnd;

/// <summary>
/// Everything between `argoflow submit` and the services, with no pod: the fake API server, Argo's controller played
/// by <see cref="TaskSetController"/>, one real <see cref="ExternalAgent"/> with the real step client, and the warm
/// services of the fixture.
/// </summary>
internal sealed class EndToEndRig : IAsyncDisposable
{
    private readonly TempDirectory _dir = new("argoflow-e2e");
    private readonly StepClient _client = new();
    private KubeConnection? _connection;

    private EndToEndRig(FakeKubeServer server, AgentWarmServices services)
    {
        Server = server;
        Services = services;
        Controller = TaskSetController.Start(server.Store);
    }

    public FakeKubeServer Server { get; }

    public AgentWarmServices Services { get; }

    public TaskSetController Controller { get; }

    public RunningAgent Agent { get; private set; } = null!;

    public static async Task<EndToEndRig> StartAsync(AgentWarmServices services, AgentOptions? options = null)
    {
        var rig = new EndToEndRig(await FakeKubeServer.StartAsync(TimeProvider.System), services);
        var kubeconfig = rig.Server.WriteKubeconfig(rig._dir.Path);
        rig._connection = KubeConnection.Open(new KubeConnectionOptions { KubeconfigPath = kubeconfig, KubeconfigEnv = null, HomeDirectory = null });
        rig.Agent = new RunningAgent(new ExternalAgent(new KubeApiClient(rig._connection), options ?? AgentHarness.FastOptions(), rig._client), rig._connection);
        await rig.Agent.Agent.Ready.WaitAsync(TimeSpan.FromSeconds(20));
        return rig;
    }

    /// <summary>Stores the generated WorkflowTemplate of <paramref name="sample"/>, optionally changed first; returns its name.</summary>
    public string AddTemplate(string sample, GeneratorOptions options, Action<JsonObject>? change = null, string? suffix = null)
    {
        var template = GeneratedWorkflows.Template(sample, options, Services.Host.GrpcAddress, Services.Host.HttpBaseUrl!, suffix);
        change?.Invoke(template);
        Server.Store.Add(FakeResource.WorkflowTemplates, AgentHarness.Ns, template);
        return (string)template["metadata"]!["name"]!;
    }

    /// <summary>Creates a Workflow from the template, as `argoflow submit` would.</summary>
    public void Submit(string name, string template, string input = "in/0.jpg") =>
        Server.Store.Add(FakeResource.Workflows, AgentHarness.Ns,
            GeneratedWorkflows.Workflow(name, template, new Dictionary<string, string> { ["input"] = input }));

    public Task<JsonObject> WaitAsync(string name, double seconds = 60) => Controller.WaitForCompletionAsync(name, TimeSpan.FromSeconds(seconds));

    /// <summary>The task nodes (HTTP or Plugin) of a finished workflow.</summary>
    public static List<JsonObject> TaskNodes(JsonObject workflow) => workflow["status"]!["nodes"]!.AsObject()
        .Select(n => n.Value!.AsObject()).Where(n => (string?)n["type"] is "HTTP" or "Plugin").ToList();

    public async ValueTask DisposeAsync()
    {
        await Agent.DisposeAsync();
        await Controller.DisposeAsync();
        await Server.DisposeAsync();
        _client.Dispose();
        _dir.Dispose();
    }
}
