namespace ArgoFlow.Templates.Kubernetes;

/// <summary>Kubernetes <c>Deployment</c> (apps/v1).</summary>
public sealed record Deployment(
    string ApiVersion,
    string Kind,
    ObjectMeta Metadata,
    DeploymentSpec Spec)
{
    public static Deployment Create(ObjectMeta metadata, DeploymentSpec spec) => new("apps/v1", "Deployment", metadata, spec);
}
