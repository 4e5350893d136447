namespace ArgoFlow.Templates.Kubernetes;

/// <summary>Kubernetes RBAC <c>RoleBinding</c>.</summary>
public sealed record RoleBinding(
    string ApiVersion,
    string Kind,
    ObjectMeta Metadata,
    RoleRef RoleRef,
    IReadOnlyList<Subject> Subjects)
{
    public static RoleBinding Create(ObjectMeta metadata, RoleRef roleRef, IReadOnlyList<Subject> subjects) =>
        new(Rbac.ApiVersion, "RoleBinding", metadata, roleRef, subjects);
}
