namespace ArgoFlow.Cluster.TaskSets;

/// <summary>Argo <c>HTTPHeader</c>: a literal value, or <c>valueFrom.secretKeyRef</c> read from the TaskSet's namespace.</summary>
public sealed record HttpHeader
{
    public string Name { get; init; } = "";

    public string? Value { get; init; }

    public HttpHeaderSource? ValueFrom { get; init; }
}
