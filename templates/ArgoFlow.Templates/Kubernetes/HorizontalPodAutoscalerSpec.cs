namespace ArgoFlow.Templates.Kubernetes;

/// <summary>Kubernetes <c>HorizontalPodAutoscalerSpec</c> (autoscaling/v2): the fields ArgoFlow writes.</summary>
public sealed record HorizontalPodAutoscalerSpec(
    CrossVersionObjectReference ScaleTargetRef,
    int MinReplicas,
    int MaxReplicas,
    IReadOnlyList<MetricSpec> Metrics);
