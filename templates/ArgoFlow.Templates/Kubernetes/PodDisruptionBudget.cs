namespace ArgoFlow.Templates.Kubernetes;

/// <summary>Kubernetes <c>PodDisruptionBudget</c> (policy/v1).</summary>
public sealed record PodDisruptionBudget(
    string ApiVersion,
    string Kind,
    ObjectMeta Metadata,
    PodDisruptionBudgetSpec Spec)
{
    public static PodDisruptionBudget Create(ObjectMeta metadata, PodDisruptionBudgetSpec spec) =>
        new("policy/v1", "PodDisruptionBudget", metadata, spec);
}
