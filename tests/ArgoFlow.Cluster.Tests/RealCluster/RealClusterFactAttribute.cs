namespace ArgoFlow.Cluster.Tests.RealCluster;

/// <summary>A test that talks to a real cluster: skipped unless ARGOFLOW_E2E_KUBECONFIG names its kubeconfig.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class RealClusterFactAttribute : FactAttribute
{
    public const string Variable = "ARGOFLOW_E2E_KUBECONFIG";

    public RealClusterFactAttribute()
    {
        if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable(Variable)))
        {
            Skip = $"set {Variable} to a kubeconfig of a cluster with Argo Workflows (docs/cluster.md) to run this";
        }
    }
}
