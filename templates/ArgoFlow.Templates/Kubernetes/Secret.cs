namespace ArgoFlow.Templates.Kubernetes;

/// <summary>Kubernetes <c>Secret</c> (v1) without data: ArgoFlow only writes the service-account-token kind, which Kubernetes fills.</summary>
public sealed record Secret(
    string ApiVersion,
    string Kind,
    ObjectMeta Metadata,
    string Type)
{
    public static Secret Create(ObjectMeta metadata, string type) => new("v1", "Secret", metadata, type);
}
