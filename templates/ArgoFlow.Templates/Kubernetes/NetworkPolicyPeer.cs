namespace ArgoFlow.Templates.Kubernetes;

/// <summary>Kubernetes <c>NetworkPolicyPeer</c>.</summary>
public sealed record NetworkPolicyPeer(
    LabelSelector PodSelector);
