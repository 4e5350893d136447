namespace ArgoFlow.Templates.Kubernetes;

/// <summary>Kubernetes <c>ServiceAccount</c> (v1).</summary>
public sealed record ServiceAccount(
    string ApiVersion,
    string Kind,
    ObjectMeta Metadata)
{
    public static ServiceAccount Create(ObjectMeta metadata) => new("v1", "ServiceAccount", metadata);
}
