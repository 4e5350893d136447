namespace ArgoFlow.Templates.Kubernetes;

/// <summary>Kubernetes RBAC <c>Subject</c>.</summary>
public sealed record Subject(
    string Kind,
    string Name,
    string? Namespace = null);
