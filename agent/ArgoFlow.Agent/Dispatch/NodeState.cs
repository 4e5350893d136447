namespace ArgoFlow.Agent.Dispatch;

/// <summary>Where a task of a tracked TaskSet stands in this agent.</summary>
internal enum NodeState
{
    Running,
    WaitingForRequeue,
    Done,
}
