using ArgoFlow.Cluster.Kube;

namespace ArgoFlow.Agent.Tests.Support;

/// <summary>An agent running on its own connection until stopped (drained), killed, or disposed.</summary>
internal sealed class RunningAgent : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly KubeConnection _connection;

    public RunningAgent(ExternalAgent agent, KubeConnection connection)
    {
        Agent = agent;
        _connection = connection;
        Run = Task.Run(() => agent.RunAsync(_stop.Token));
    }

    public ExternalAgent Agent { get; }

    public Task Run { get; }

    /// <summary>What SIGTERM does: drain, patch, release; returns when the agent has exited.</summary>
    public async Task StopAsync()
    {
        await _stop.CancelAsync();
        await Run.WaitAsync(TimeSpan.FromSeconds(30));
    }

    public async Task KillAsync()
    {
        Agent.Kill();
        await Run.WaitAsync(TimeSpan.FromSeconds(30));
    }

    public async ValueTask DisposeAsync()
    {
        if (!Run.IsCompleted)
        {
            Agent.Kill();
        }

        try
        {
            await Run.WaitAsync(TimeSpan.FromSeconds(30));
        }
        catch (OperationCanceledException)
        {
        }

        Agent.Dispose();
        _connection.Dispose();
        _stop.Dispose();
    }
}
