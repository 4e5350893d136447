namespace ArgoFlow.Cluster.TaskSets;

/// <summary>Kubernetes <c>SecretKeySelector</c>: one key of a Secret in the same namespace.</summary>
public sealed record SecretKeySelector
{
    public string Name { get; init; } = "";

    public string Key { get; init; } = "";

    public bool? Optional { get; init; }
}
