namespace ArgoFlow.Templates.Kubernetes;

/// <summary>Kubernetes RBAC <c>ClusterRoleBinding</c> (cluster-scoped; a ServiceAccount subject names its namespace).</summary>
public sealed record ClusterRoleBinding(
    string ApiVersion,
    string Kind,
    ObjectMeta Metadata,
    RoleRef RoleRef,
    IReadOnlyList<Subject> Subjects)
{
    public static ClusterRoleBinding Create(ObjectMeta metadata, RoleRef roleRef, IReadOnlyList<Subject> subjects) =>
        new(Rbac.ApiVersion, "ClusterRoleBinding", metadata, roleRef, subjects);
}
