using System.Text.Json.Nodes;
using ArgoFlow.Agent.Leases;
using ArgoFlow.Cluster.Kube;
using ArgoFlow.Cluster.TaskSets;
using ArgoFlow.TestSupport;
using ArgoFlow.TestSupport.FakeKube;

namespace ArgoFlow.Agent.Tests.Support;

/// <summary>
/// A fake API server with the agent's objects, and agents running against it in this process (each with its own
/// connection, as separate replicas would have). Waits follow the store's change events, bounded, and fail
/// naming what they waited for.
/// </summary>
internal sealed class AgentHarness : IAsyncDisposable
{
    public const string Ns = "argo";
    private readonly List<RunningAgent> _agents = [];

    private AgentHarness(FakeKubeServer server, TempDirectory dir)
    {
        Server = server;
        Dir = dir;
        Kubeconfig = server.WriteKubeconfig(dir.Path);
    }

    public FakeKubeServer Server { get; }

    public TempDirectory Dir { get; }

    public string Kubeconfig { get; }

    public StubInvoker Invoker { get; } = new();

    public static async Task<AgentHarness> StartAsync() =>
        new(await FakeKubeServer.StartAsync(TimeProvider.System), new TempDirectory("argoflow-agent"));

    /// <summary>Agent settings that keep tests fast: 1 ms patch window, millisecond retries.</summary>
    public static AgentOptions FastOptions(LeaseSettings? lease = null, params ArgoFlow.Agent.Plugins.PluginEndpoint[] plugins) => new()
    {
        Namespaces = [Ns],
        PatchWindow = TimeSpan.FromMilliseconds(1),
        PatchRetryInitial = TimeSpan.FromMilliseconds(5),
        PatchRetryMax = TimeSpan.FromMilliseconds(50),
        PluginRetryInitial = TimeSpan.FromMilliseconds(5),
        Watch = new Cluster.Watch.WatchSettings { InitialBackoff = TimeSpan.FromMilliseconds(5), MaxBackoff = TimeSpan.FromMilliseconds(50), MaxReconnectAttempts = int.MaxValue },
        DrainTimeout = TimeSpan.FromSeconds(10),
        Lease = lease,
        Plugins = plugins,
    };

    public static LeaseSettings FastLease(string identity) => new()
    {
        Namespace = Ns,
        Identity = identity,
        Duration = TimeSpan.FromSeconds(1),
        RenewDeadline = TimeSpan.FromMilliseconds(700),
        RetryPeriod = TimeSpan.FromMilliseconds(100),
    };

    /// <summary>Starts an agent and waits until it is ready (listed, or standing by).</summary>
    public async Task<RunningAgent> StartAgentAsync(AgentOptions? options = null)
    {
        var connection = KubeConnection.Open(new KubeConnectionOptions { KubeconfigPath = Kubeconfig, KubeconfigEnv = null, HomeDirectory = null });
        var agent = new ExternalAgent(new KubeApiClient(connection), options ?? FastOptions(), Invoker);
        var running = new RunningAgent(agent, connection);
        _agents.Add(running);
        await agent.Ready.WaitAsync(TimeSpan.FromSeconds(20));
        return running;
    }

    /// <summary>Stores a TaskSet as the controller's create would (the server sets the namespace).</summary>
    public void Add(JsonObject taskSet)
    {
        taskSet["metadata"]!["namespace"] = Ns;
        Server.Store.Add(FakeResource.WorkflowTaskSets, Ns, taskSet);
    }

    public WorkflowTaskSet? Read(string name) =>
        Server.Store.Get(FakeResource.WorkflowTaskSets, Ns, name) is { } raw ? WorkflowTaskSet.From(raw) : null;

    /// <summary>Waits until status.nodes[nodeId] satisfies <paramref name="done"/> (default: a final phase).</summary>
    public async Task<NodeResult> WaitForResultAsync(string name, string nodeId, Func<NodeResult, bool>? done = null, double seconds = 20)
    {
        done ??= r => r.IsFinal;
        NodeResult? last = null;
        await WaitAsync(() =>
        {
            last = Read(name)?.Nodes.GetValueOrDefault(nodeId);
            return last is not null && done(last);
        }, $"status.nodes[{nodeId}] of TaskSet {name} (last seen: {last?.Phase} {last?.Message})", seconds);
        return last!;
    }

    /// <summary>
    /// Checks <paramref name="condition"/> now, after every change in the store and every 20 ms (for conditions
    /// outside the store, such as a test server's log), up to the bound.
    /// </summary>
    public async Task WaitAsync(Func<bool> condition, string what, double seconds = 20)
    {
        var (_, _, live, _) = Server.Store.Subscribe(null);
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(seconds));
            while (!condition())
            {
                if (timeout.IsCancellationRequested)
                {
                    Assert.Fail($"waited {seconds} s for {what}");
                }

                await Task.WhenAny(live.Reader.WaitToReadAsync(timeout.Token).AsTask(), Task.Delay(20, timeout.Token));
                while (live.Reader.TryRead(out _))
                {
                }
            }
        }
        finally
        {
            Server.Store.Unsubscribe(live);
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var agent in _agents)
        {
            await agent.DisposeAsync();
        }

        await Server.DisposeAsync();
        Dir.Dispose();
    }
}
