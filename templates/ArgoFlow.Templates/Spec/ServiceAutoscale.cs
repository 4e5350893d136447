namespace ArgoFlow.Templates.Spec;

/// <summary>
/// <c>spec.services.NAME.autoscale</c>: the HorizontalPodAutoscaler's range and what it watches. CPU utilisation is
/// a percentage of the container's CPU request. <see cref="TargetInFlightPerPod"/> is the average of the services'
/// <c>argoflow_calls_in_flight</c> gauge per pod, which a cluster can only serve through a custom-metrics adapter
/// (e.g. prometheus-adapter). When neither target is given the CPU target is 80 %, Kubernetes' own default.
/// </summary>
public sealed record ServiceAutoscale(int MinReplicas, int MaxReplicas, int? TargetCpuUtilizationPercentage, int? TargetInFlightPerPod)
{
    public const int DefaultCpuUtilizationPercentage = 80;
}
