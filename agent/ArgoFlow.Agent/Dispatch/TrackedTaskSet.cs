using ArgoFlow.Cluster.TaskSets;

namespace ArgoFlow.Agent.Dispatch;

/// <summary>
/// The dispatcher's view of one TaskSet: the latest object, and per node whether a task is running, waiting for
/// its requeue, or done (kept until the controller removes the task, so a result already patched but not yet
/// visible in the watch never starts the task again). Cancelled when the TaskSet is deleted or completed.
/// </summary>
internal sealed class TrackedTaskSet
{
    public TrackedTaskSet(TaskSetKey key, string uid, WorkflowTaskSet latest)
    {
        Key = key;
        Uid = uid;
        Latest = latest;
    }

    public TaskSetKey Key { get; }

    public string Uid { get; }

    public WorkflowTaskSet Latest { get; set; }

    /// <summary>
    /// Not linked to the agent's abort token (a linked source registers on it and would have to be disposed while
    /// tasks still hold the token); the dispatcher cancels every live one on abort instead.
    /// </summary>
    public CancellationTokenSource Cancellation { get; } = new();

    public Dictionary<string, NodeState> Nodes { get; } = new(StringComparer.Ordinal);

    public int Running => Nodes.Values.Count(s => s == NodeState.Running);
}
