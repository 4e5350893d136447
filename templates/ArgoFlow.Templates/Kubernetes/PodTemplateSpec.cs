namespace ArgoFlow.Templates.Kubernetes;

/// <summary>Kubernetes <c>PodTemplateSpec</c>.</summary>
public sealed record PodTemplateSpec(
    ObjectMeta Metadata,
    PodSpec Spec);
