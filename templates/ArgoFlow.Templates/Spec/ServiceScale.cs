using ArgoFlow.Core.Errors;

namespace ArgoFlow.Templates.Spec;

/// <summary>
/// How many pods a generated service runs (<c>spec.services.NAME.replicas</c> / <c>.autoscale</c>): a fixed
/// <see cref="Replicas"/> count, or a HorizontalPodAutoscaler's range and targets - never both, because with an
/// autoscaler the replica count is the autoscaler's to change. <see cref="Source"/> is where it was written.
/// </summary>
public sealed record ServiceScale(int? Replicas, ServiceAutoscale? Autoscale, SourceLocation Source)
{
    /// <summary>The most pods the service may run: what decides whether a disruption budget and spreading make sense.</summary>
    public int MaxPods => Autoscale?.MaxReplicas ?? Replicas ?? 1;

    /// <summary>True when both settings say the same (the source does not matter).</summary>
    public bool SameAs(ServiceScale other) => other is not null && Replicas == other.Replicas && Autoscale == other.Autoscale;
}
