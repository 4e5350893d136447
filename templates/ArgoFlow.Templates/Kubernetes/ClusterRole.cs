namespace ArgoFlow.Templates.Kubernetes;

/// <summary>Kubernetes RBAC <c>ClusterRole</c> (cluster-scoped: no namespace).</summary>
public sealed record ClusterRole(
    string ApiVersion,
    string Kind,
    ObjectMeta Metadata,
    IReadOnlyList<PolicyRule> Rules)
{
    public static ClusterRole Create(ObjectMeta metadata, IReadOnlyList<PolicyRule> rules) => new(Rbac.ApiVersion, "ClusterRole", metadata, rules);
}
