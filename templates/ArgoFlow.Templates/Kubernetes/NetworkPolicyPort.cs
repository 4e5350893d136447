namespace ArgoFlow.Templates.Kubernetes;

/// <summary>Kubernetes <c>NetworkPolicyPort</c>.</summary>
public sealed record NetworkPolicyPort(
    int Port,
    string Protocol = "TCP");
