namespace ArgoFlow.Templates.Kubernetes;

/// <summary>Kubernetes <c>DeploymentSpec</c>. <see cref="Replicas"/> is left out when an autoscaler owns the count.</summary>
public sealed record DeploymentSpec(
    int? Replicas,
    LabelSelector Selector,
    PodTemplateSpec Template);
