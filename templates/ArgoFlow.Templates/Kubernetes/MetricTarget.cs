namespace ArgoFlow.Templates.Kubernetes;

/// <summary>
/// Kubernetes <c>MetricTarget</c> (autoscaling/v2): <see cref="Type"/> <c>Utilization</c> with
/// <see cref="AverageUtilization"/> (percent of the request), or <c>AverageValue</c> with
/// <see cref="AverageValue"/> (a quantity, written as a string).
/// </summary>
public sealed record MetricTarget(string Type, int? AverageUtilization = null, string? AverageValue = null);
