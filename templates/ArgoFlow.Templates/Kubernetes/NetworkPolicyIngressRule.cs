namespace ArgoFlow.Templates.Kubernetes;

/// <summary>Kubernetes <c>NetworkPolicyIngressRule</c>.</summary>
public sealed record NetworkPolicyIngressRule(
    IReadOnlyList<NetworkPolicyPeer> From,
    IReadOnlyList<NetworkPolicyPort> Ports);
