namespace ArgoFlow.Templates.Kubernetes;

/// <summary>Kubernetes <c>NetworkPolicy</c> (networking.k8s.io/v1).</summary>
public sealed record NetworkPolicy(
    string ApiVersion,
    string Kind,
    ObjectMeta Metadata,
    NetworkPolicySpec Spec)
{
    public static NetworkPolicy Create(ObjectMeta metadata, NetworkPolicySpec spec) =>
        new("networking.k8s.io/v1", "NetworkPolicy", metadata, spec);
}
