using System.Globalization;
using ArgoFlow.Core.Catalog;
using ArgoFlow.Templates.Kubernetes;
using ArgoFlow.Templates.Spec;

namespace ArgoFlow.Templates.Manifests;

/// <summary>
/// What lets a service run as many pods: the headless Service gRPC clients resolve to every ready pod (a ClusterIP
/// Service's one address would pin each client connection, and so every call on it, to one pod), the
/// HorizontalPodAutoscaler, the PodDisruptionBudget and the spreading of pods over nodes and zones.
/// </summary>
public static class ScaleManifests
{
    /// <summary>The services' per-pod gauge of calls being processed, labelled by service.</summary>
    public const string InFlightMetric = "argoflow_calls_in_flight";

    public static string HeadlessName(string service) => $"argoflow-{service}-headless";

    /// <param name="tls">gRPC is served over TLS: the port claims no h2c application protocol.</param>
    public static Kubernetes.Service HeadlessService(string service, string ns, bool tls) => Kubernetes.Service.Create(
        new ObjectMeta(HeadlessName(service), Namespace: ns, Labels: ManifestLabels.ForService(service)),
        new ServiceSpec(
            Selector(service),
            [new ServicePort("grpc", ServicePorts.Grpc, "grpc", AppProtocol: tls ? null : "kubernetes.io/h2c")],
            ClusterIP: "None"));

    /// <summary>
    /// Spread the pods over nodes, then zones, as a preference (ScheduleAnyway): a small cluster still schedules
    /// every replica. <c>pod-template-hash</c> makes a rolling update count only the new ReplicaSet's pods.
    /// </summary>
    public static IReadOnlyList<TopologySpreadConstraint> Spread(string service) =>
    [
        new(1, "kubernetes.io/hostname", "ScheduleAnyway", new LabelSelector(Selector(service)), ["pod-template-hash"]),
        new(1, "topology.kubernetes.io/zone", "ScheduleAnyway", new LabelSelector(Selector(service)), ["pod-template-hash"]),
    ];

    /// <summary>At most one pod of the service evicted at a time by drains and upgrades.</summary>
    public static PodDisruptionBudget DisruptionBudget(string service, string ns) => PodDisruptionBudget.Create(
        new ObjectMeta("argoflow-" + service, Namespace: ns, Labels: ManifestLabels.ForService(service)),
        new PodDisruptionBudgetSpec(new LabelSelector(Selector(service)), MaxUnavailable: 1));

    /// <summary>The autoscaler of the service's Deployment: CPU utilisation and/or calls in flight per pod.</summary>
    public static HorizontalPodAutoscaler Autoscaler(string service, string ns, ServiceAutoscale autoscale)
    {
        ArgumentNullException.ThrowIfNull(autoscale);
        var metrics = new List<MetricSpec>();
        if (autoscale.TargetCpuUtilizationPercentage is { } cpu)
        {
            metrics.Add(new MetricSpec("Resource", Resource: new ResourceMetricSource("cpu", new MetricTarget("Utilization", AverageUtilization: cpu))));
        }

        if (autoscale.TargetInFlightPerPod is { } inFlight)
        {
            metrics.Add(new MetricSpec("Pods", Pods: new PodsMetricSource(
                new MetricIdentifier(InFlightMetric, new LabelSelector(ManifestLabels.Sorted(("service", service)))),
                new MetricTarget("AverageValue", AverageValue: inFlight.ToString(CultureInfo.InvariantCulture)))));
        }

        return HorizontalPodAutoscaler.Create(
            new ObjectMeta("argoflow-" + service, Namespace: ns, Labels: ManifestLabels.ForService(service)),
            new HorizontalPodAutoscalerSpec(
                new CrossVersionObjectReference("apps/v1", "Deployment", "argoflow-" + service),
                autoscale.MinReplicas,
                autoscale.MaxReplicas,
                metrics));
    }

    private static SortedDictionary<string, string> Selector(string service) => ManifestLabels.Sorted((ManifestLabels.Name, "argoflow-" + service));
}
