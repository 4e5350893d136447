namespace ArgoFlow.Templates.Kubernetes;

/// <summary>Kubernetes <c>ResourceMetricSource</c> (autoscaling/v2): a container resource such as <c>cpu</c>.</summary>
public sealed record ResourceMetricSource(string Name, MetricTarget Target);
