namespace ArgoFlow.Templates.Kubernetes;

/// <summary>Kubernetes <c>ResourceRequirements</c>.</summary>
public sealed record ResourceRequirements(
    ResourceList Requests,
    ResourceList Limits);
