namespace ArgoFlow.Templates.Kubernetes;

/// <summary>
/// Kubernetes <c>PodDisruptionBudgetSpec</c> (policy/v1): the fields ArgoFlow writes. <see cref="MaxUnavailable"/>
/// is an int-or-string; ArgoFlow writes a count.
/// </summary>
public sealed record PodDisruptionBudgetSpec(
    LabelSelector Selector,
    int MaxUnavailable);
