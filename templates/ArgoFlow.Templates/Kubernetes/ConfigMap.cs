namespace ArgoFlow.Templates.Kubernetes;

/// <summary>Kubernetes <c>ConfigMap</c> (v1).</summary>
public sealed record ConfigMap(
    string ApiVersion,
    string Kind,
    ObjectMeta Metadata,
    IReadOnlyDictionary<string, string> Data)
{
    public static ConfigMap Create(ObjectMeta metadata, IReadOnlyDictionary<string, string> data) => new("v1", "ConfigMap", metadata, data);
}
