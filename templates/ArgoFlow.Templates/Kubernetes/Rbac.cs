namespace ArgoFlow.Templates.Kubernetes;

/// <summary>Constants of the Kubernetes RBAC API.</summary>
public static class Rbac
{
    public const string ApiVersion = "rbac.authorization.k8s.io/v1";
    public const string ApiGroup = "rbac.authorization.k8s.io";
}
