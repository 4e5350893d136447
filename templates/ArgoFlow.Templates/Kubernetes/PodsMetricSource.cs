namespace ArgoFlow.Templates.Kubernetes;

/// <summary>Kubernetes <c>PodsMetricSource</c> (autoscaling/v2): a per-pod custom metric averaged over the pods.</summary>
public sealed record PodsMetricSource(MetricIdentifier Metric, MetricTarget Target);
