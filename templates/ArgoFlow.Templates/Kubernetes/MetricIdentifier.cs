namespace ArgoFlow.Templates.Kubernetes;

/// <summary>Kubernetes <c>MetricIdentifier</c> (autoscaling/v2): a metric's name and, optionally, a selector on its labels.</summary>
public sealed record MetricIdentifier(string Name, LabelSelector? Selector = null);
