namespace ArgoFlow.Templates.Kubernetes;

/// <summary>Kubernetes RBAC <c>Role</c>.</summary>
public sealed record Role(
    string ApiVersion,
    string Kind,
    ObjectMeta Metadata,
    IReadOnlyList<PolicyRule> Rules)
{
    public static Role Create(ObjectMeta metadata, IReadOnlyList<PolicyRule> rules) => new(Rbac.ApiVersion, "Role", metadata, rules);
}
