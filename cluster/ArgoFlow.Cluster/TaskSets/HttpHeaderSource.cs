namespace ArgoFlow.Cluster.TaskSets;

/// <summary>Argo <c>HTTPHeaderSource</c>: where a header's value comes from.</summary>
public sealed record HttpHeaderSource
{
    public SecretKeySelector? SecretKeyRef { get; init; }
}
