namespace ArgoFlow.Templates.Kubernetes;

/// <summary>Kubernetes <c>NetworkPolicyPeer</c>.</summary>
/// <param name="NamespaceSelector">Null: the policy's own namespace only.</param>
public sealed record NetworkPolicyPeer(
    LabelSelector PodSelector,
    LabelSelector? NamespaceSelector = null);
