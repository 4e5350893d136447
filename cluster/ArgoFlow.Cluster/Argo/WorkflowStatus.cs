namespace ArgoFlow.Cluster.Argo;

/// <summary>Argo <c>io.argoproj.workflow.v1alpha1.WorkflowStatus</c>: phase, times (1-second resolution) and nodes.</summary>
public sealed record WorkflowStatus
{
    public string? Phase { get; init; }

    public DateTimeOffset? StartedAt { get; init; }

    public DateTimeOffset? FinishedAt { get; init; }

    public string? Message { get; init; }

    public string? Progress { get; init; }

    public IReadOnlyDictionary<string, NodeStatus>? Nodes { get; init; }
}
