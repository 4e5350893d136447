using System.Text.Json.Serialization;
using ArgoFlow.Cluster.Argo;

namespace ArgoFlow.Cluster.TaskSets;

/// <summary>
/// Argo <c>io.argoproj.workflow.v1alpha1.NodeResult</c>: what an agent reports for one task in a WorkflowTaskSet's
/// <c>status.nodes[nodeId]</c> - phase, message, outputs, progress. The controller copies it onto the workflow node.
/// </summary>
public sealed record NodeResult
{
    public string? Phase { get; init; }

    public string? Message { get; init; }

    public Outputs? Outputs { get; init; }

    public string? Progress { get; init; }

    /// <summary>
    /// Succeeded, Failed, Error, Skipped or Omitted: the controller takes it over and removes the task. Pending,
    /// Running and no phase at all mean the agent is still working on it (a plugin asked to be asked again).
    /// </summary>
    [JsonIgnore]
    public bool IsFinal => WorkflowPhase.IsNodeCompleted(Phase);
}
