using ArgoFlow.Cluster.Kube;
using ArgoFlow.Core.Errors;

namespace ArgoFlow.Cluster.Watch;

/// <summary>
/// Watches a workflow to its end within an optional timeout. Running out of time or being cancelled only stops
/// the watching: the workflow keeps running and nothing is deleted.
/// </summary>
public sealed class WorkflowWaiter
{
    private readonly WorkflowWatcher _watcher;
    private readonly TimeProvider _time;

    public WorkflowWaiter(WorkflowWatcher watcher, TimeProvider time)
    {
        _watcher = watcher ?? throw new ArgumentNullException(nameof(watcher));
        _time = time ?? throw new ArgumentNullException(nameof(time));
    }

    public async Task<WorkflowSnapshot> WaitAsync(string name, IWatchObserver observer, TimeSpan? timeout, CancellationToken cancellationToken)
    {
        using var deadline = timeout is { } t ? new CancellationTokenSource(t, _time) : new CancellationTokenSource();
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        try
        {
            return await _watcher.WatchAsync(name, observer, linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new ArgoFlowException(
                ExitCode.Timeout,
                $"workflow \"{name}\" did not finish within {timeout}",
                $"it keeps running (nothing was deleted); follow it with `argoflow get {name}`");
        }
    }

    /// <summary>0 for Succeeded; Failed (5) for Failed and Error, with the workflow's message.</summary>
    public static void ThrowIfNotSucceeded(WorkflowSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        if (snapshot.Phase != Argo.WorkflowPhase.Succeeded)
        {
            var message = snapshot.Workflow.Status?.Message;
            throw new ArgoFlowException(
                ExitCode.Failed,
                $"workflow \"{snapshot.Name}\" {snapshot.Phase}{(string.IsNullOrEmpty(message) ? "" : ": " + message)}",
                $"see the failed step with `argoflow get {snapshot.Name}`");
        }
    }
}
