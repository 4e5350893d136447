namespace ArgoFlow.Templates.Kubernetes;

/// <summary>Kubernetes <c>MetricSpec</c> (autoscaling/v2): <see cref="Type"/> is <c>Resource</c> or <c>Pods</c>, with the matching source set.</summary>
public sealed record MetricSpec(
    string Type,
    ResourceMetricSource? Resource = null,
    PodsMetricSource? Pods = null);
