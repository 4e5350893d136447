using ArgoFlow.Cluster.Argo;
using ArgoFlow.Cluster.Watch;

namespace ArgoFlow.Cluster.Rendering;

/// <summary>One step of a workflow for display: the node's status times plus what the client observed.</summary>
public sealed record StepRow(string Id, NodeStatus Node, ObservedStep? Observed)
{
    public string Name => Node.DisplayName ?? Node.Name ?? Id;

    public TimeSpan? StatusDuration => Durations.Between(Node.StartedAt, Node.FinishedAt);

    public TimeSpan? ObservedDuration => Observed?.Duration;

    public string? Result => Node.Outputs?.Result;

    /// <summary>The steps (not the DAG/Steps containers) in start order, then by name for equal starts.</summary>
    public static IReadOnlyList<StepRow> From(Workflow workflow, ObservationRecord? observed)
    {
        ArgumentNullException.ThrowIfNull(workflow);
        return (workflow.Status?.Nodes ?? new Dictionary<string, NodeStatus>())
            .Where(n => n.Value.IsStep)
            .Select(n => new StepRow(n.Key, n.Value, observed?.Steps.GetValueOrDefault(n.Key)))
            .OrderBy(r => r.Node.StartedAt ?? DateTimeOffset.MaxValue)
            .ThenBy(r => r.Name, StringComparer.Ordinal)
            .ToList();
    }
}
