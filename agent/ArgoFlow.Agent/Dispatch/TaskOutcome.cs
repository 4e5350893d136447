using ArgoFlow.Cluster.TaskSets;

namespace ArgoFlow.Agent.Dispatch;

/// <summary>
/// What running a task gave, as Argo's taskWorker sees it: a result to report (none when a plugin answered a node
/// without a phase) and a requeue (run the task again after this long; zero for never).
/// </summary>
public sealed record TaskOutcome(NodeResult? Result, TimeSpan Requeue)
{
    public static TaskOutcome Failed(string message) => new(new NodeResult { Phase = "Failed", Message = message }, TimeSpan.Zero);

    public static TaskOutcome Error(string message) => new(new NodeResult { Phase = "Error", Message = message }, TimeSpan.Zero);
}
