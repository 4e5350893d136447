namespace ArgoFlow.Cluster.TaskSets;

/// <summary>Argo <c>HTTPBodySource</c>: the body as bytes (base64 in JSON, as Go encodes a []byte).</summary>
public sealed record HttpBodySource
{
    public byte[]? Bytes { get; init; }
}
