namespace ArgoFlow.Templates.Kubernetes;

/// <summary>Kubernetes <c>DeploymentSpec</c>.</summary>
public sealed record DeploymentSpec(
    int Replicas,
    LabelSelector Selector,
    PodTemplateSpec Template);
