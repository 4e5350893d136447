namespace ArgoFlow.Templates.Kubernetes;

/// <summary>Kubernetes RBAC <c>PolicyRule</c>.</summary>
public sealed record PolicyRule(
    IReadOnlyList<string> ApiGroups,
    IReadOnlyList<string> Resources,
    IReadOnlyList<string> Verbs);
