using k8s;

namespace ArgoFlow.Templates.Tests.Schema;

/// <summary>
/// The Kubernetes documents ArgoFlow generates, read back strictly into KubernetesClient's typed models. Those models
/// are generated from the Kubernetes OpenAPI document, so a strict read (an unknown field or a value of the wrong
/// type throws) checks every field name and type against the official API. There is no Kubernetes JSON Schema in
/// ../shared: Argo's schema carries only the Kubernetes definitions Argo itself uses (Container, ServicePort,
/// PodDisruptionBudgetSpec), which <see cref="ArgoSchema"/> checks where they exist.
/// </summary>
internal static class KubernetesModels
{
    public static readonly HashSet<string> Kinds = new(StringComparer.Ordinal)
    {
        "Deployment", "Service", "HorizontalPodAutoscaler", "PodDisruptionBudget", "ServiceAccount", "Role", "RoleBinding", "ClusterRole", "ClusterRoleBinding",
        "Secret", "ConfigMap", "NetworkPolicy",
    };

    /// <summary>Every document of <paramref name="text"/> as its typed model; throws on any field the API does not have.</summary>
    public static IReadOnlyList<object> ReadStrict(string text) => KubernetesYaml.LoadAllFromString(text, strict: true);
}
