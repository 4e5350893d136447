namespace ArgoFlow.TestSupport.FakeKube;

/// <summary>A REST resource the fake API server serves: group ("" for core), version, plural, kind, scope.</summary>
/// <param name="HasStatus">The kind has a status subresource: <c>/status</c> writes only status, the object itself never does.</param>
public sealed record FakeResource(string Group, string Version, string Plural, string Kind, bool Namespaced = true, bool HasStatus = false)
{
    public string ApiVersion => Group.Length == 0 ? Version : $"{Group}/{Version}";

    /// <summary>How the API server names the resource in messages: <c>workflows.argoproj.io</c>, <c>configmaps</c>.</summary>
    public string Qualified => Group.Length == 0 ? Plural : $"{Plural}.{Group}";

    public static readonly FakeResource Workflows = new("argoproj.io", "v1alpha1", "workflows", "Workflow");
    public static readonly FakeResource WorkflowTemplates = new("argoproj.io", "v1alpha1", "workflowtemplates", "WorkflowTemplate");
    public static readonly FakeResource ClusterWorkflowTemplates = new("argoproj.io", "v1alpha1", "clusterworkflowtemplates", "ClusterWorkflowTemplate", false);

    /// <summary>Argo's agent protocol object; its CRD declares a status subresource.</summary>
    public static readonly FakeResource WorkflowTaskSets = new("argoproj.io", "v1alpha1", "workflowtasksets", "WorkflowTaskSet", HasStatus: true);

    public static readonly FakeResource Secrets = new("", "v1", "secrets", "Secret");

    public static readonly FakeResource Leases = new("coordination.k8s.io", "v1", "leases", "Lease");

    public static IReadOnlyList<FakeResource> All { get; } =
    [
        Workflows, WorkflowTemplates, ClusterWorkflowTemplates, WorkflowTaskSets, Secrets, Leases,
        new("", "v1", "configmaps", "ConfigMap"),
        new("", "v1", "pods", "Pod"),
        new("", "v1", "services", "Service"),
        new("", "v1", "serviceaccounts", "ServiceAccount"),
        new("apps", "v1", "deployments", "Deployment"),
        new("rbac.authorization.k8s.io", "v1", "roles", "Role"),
        new("rbac.authorization.k8s.io", "v1", "rolebindings", "RoleBinding"),
        new("rbac.authorization.k8s.io", "v1", "clusterroles", "ClusterRole", false),
        new("rbac.authorization.k8s.io", "v1", "clusterrolebindings", "ClusterRoleBinding", false),
        new("networking.k8s.io", "v1", "networkpolicies", "NetworkPolicy"),
        new("autoscaling", "v2", "horizontalpodautoscalers", "HorizontalPodAutoscaler"),
        new("policy", "v1", "poddisruptionbudgets", "PodDisruptionBudget"),
    ];

    public bool IsArgo => Group == "argoproj.io";
}
