namespace ArgoFlow.Cluster.Kube;

/// <summary>
/// The kinds ArgoFlow reads or applies, mapped to their REST paths. A fixed table rather than discovery: the
/// generator only emits these kinds, and an unknown kind in an applied file is an error the user should see.
/// </summary>
public static class ResourceTypes
{
    public const string ArgoGroup = "argoproj.io";
    public const string ArgoVersion = "v1alpha1";

    public static readonly ResourceType Workflow = new(ArgoGroup, ArgoVersion, "workflows", "Workflow");
    public static readonly ResourceType WorkflowTemplate = new(ArgoGroup, ArgoVersion, "workflowtemplates", "WorkflowTemplate");
    public static readonly ResourceType ClusterWorkflowTemplate =
        new(ArgoGroup, ArgoVersion, "clusterworkflowtemplates", "ClusterWorkflowTemplate", Namespaced: false);

    public static readonly ResourceType ConfigMap = new("", "v1", "configmaps", "ConfigMap");
    public static readonly ResourceType Secret = new("", "v1", "secrets", "Secret");
    public static readonly ResourceType Service = new("", "v1", "services", "Service");
    public static readonly ResourceType ServiceAccount = new("", "v1", "serviceaccounts", "ServiceAccount");
    public static readonly ResourceType Deployment = new("apps", "v1", "deployments", "Deployment");
    public static readonly ResourceType Role = new("rbac.authorization.k8s.io", "v1", "roles", "Role");
    public static readonly ResourceType RoleBinding = new("rbac.authorization.k8s.io", "v1", "rolebindings", "RoleBinding");

    /// <summary>The all-namespaces agent's grants (<c>generate --agent --agent-namespaces all</c>).</summary>
    public static readonly ResourceType ClusterRole = new("rbac.authorization.k8s.io", "v1", "clusterroles", "ClusterRole", Namespaced: false);
    public static readonly ResourceType ClusterRoleBinding = new("rbac.authorization.k8s.io", "v1", "clusterrolebindings", "ClusterRoleBinding", Namespaced: false);

    /// <summary>Read by `get` to find Argo's per-workflow agent pod; never applied.</summary>
    public static readonly ResourceType Pod = new("", "v1", "pods", "Pod");

    public static readonly ResourceType NetworkPolicy = new("networking.k8s.io", "v1", "networkpolicies", "NetworkPolicy");

    /// <summary>Read and status-patched by `argoflow agent`; written by Argo's controller, never applied.</summary>
    public static readonly ResourceType WorkflowTaskSet = new(ArgoGroup, ArgoVersion, "workflowtasksets", "WorkflowTaskSet");

    /// <summary>The agent replicas' leader election lock; never applied.</summary>
    public static readonly ResourceType Lease = new("coordination.k8s.io", "v1", "leases", "Lease");

    public static readonly ResourceType HorizontalPodAutoscaler = new("autoscaling", "v2", "horizontalpodautoscalers", "HorizontalPodAutoscaler");
    public static readonly ResourceType PodDisruptionBudget = new("policy", "v1", "poddisruptionbudgets", "PodDisruptionBudget");

    private static readonly ResourceType[] All =
    [
        Workflow, WorkflowTemplate, ClusterWorkflowTemplate, ConfigMap, Secret, Service, ServiceAccount, Deployment,
        Role, RoleBinding, ClusterRole, ClusterRoleBinding, NetworkPolicy, HorizontalPodAutoscaler, PodDisruptionBudget,
    ];

    /// <summary>Finds the type for a document's apiVersion and kind; null when ArgoFlow does not handle it.</summary>
    public static ResourceType? Find(string? apiVersion, string? kind) =>
        All.FirstOrDefault(t => t.ApiVersion == apiVersion && t.Kind == kind);

    /// <summary>Every kind apply accepts, for the error message about an unknown one.</summary>
    public static string Supported => string.Join(", ", All.Select(t => $"{t.ApiVersion}/{t.Kind}"));
}
