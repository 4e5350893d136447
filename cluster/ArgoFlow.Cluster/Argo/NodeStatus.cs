using System.Text.Json.Serialization;

namespace ArgoFlow.Cluster.Argo;

/// <summary>
/// Argo <c>io.argoproj.workflow.v1alpha1.NodeStatus</c>: one entry of <c>status.nodes</c>, keyed by node id.
/// Type is DAG/Steps for the containers and Pod, HTTP, Plugin or Container set for the steps that do work.
/// </summary>
public sealed record NodeStatus
{
    public string? Id { get; init; }

    public string? Name { get; init; }

    public string? DisplayName { get; init; }

    public string? Type { get; init; }

    public string? TemplateName { get; init; }

    public string? Phase { get; init; }

    [JsonPropertyName("boundaryID")]
    public string? BoundaryId { get; init; }

    public string? Message { get; init; }

    public DateTimeOffset? StartedAt { get; init; }

    public DateTimeOffset? FinishedAt { get; init; }

    public IReadOnlyList<string>? Children { get; init; }

    public Outputs? Outputs { get; init; }

    /// <summary>True for the nodes that run a step (not the DAG/Steps containers that only group them).</summary>
    [JsonIgnore]
    public bool IsStep => Type is "Pod" or "HTTP" or "Plugin" or "Container" or "Suspend";
}
