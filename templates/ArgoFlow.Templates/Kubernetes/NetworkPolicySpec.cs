namespace ArgoFlow.Templates.Kubernetes;

/// <summary>Kubernetes <c>NetworkPolicySpec</c>.</summary>
public sealed record NetworkPolicySpec(
    LabelSelector PodSelector,
    IReadOnlyList<string> PolicyTypes,
    IReadOnlyList<NetworkPolicyIngressRule> Ingress);
