namespace ArgoFlow.Templates.Kubernetes;

/// <summary>Kubernetes RBAC <c>RoleRef</c>.</summary>
public sealed record RoleRef(
    string ApiGroup,
    string Kind,
    string Name);
