namespace ArgoFlow.Templates.Kubernetes;

/// <summary>Kubernetes <c>Service</c> (v1).</summary>
public sealed record Service(
    string ApiVersion,
    string Kind,
    ObjectMeta Metadata,
    ServiceSpec Spec)
{
    public static Service Create(ObjectMeta metadata, ServiceSpec spec) => new("v1", "Service", metadata, spec);
}
