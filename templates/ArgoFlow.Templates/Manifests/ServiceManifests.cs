using System.Globalization;
using ArgoFlow.Core.Catalog;
using ArgoFlow.Templates.Kubernetes;
using ArgoFlow.Templates.Spec;

namespace ArgoFlow.Templates.Manifests;

/// <summary>
/// The Deployment and Service of one warm service (<c>argoflow serve --services TYPES</c>): gRPC on 9090 with native
/// gRPC startup/readiness/liveness probes (grpc.health.v1; with TLS, HTTP probes of /healthz), HTTP/JSON and
/// /metrics on 8080. Storage settings
/// (ARGOFLOW_STORE, ARGOFLOW_S3_*) come from the optional Secret <see cref="StorageSecret"/>, which is site-specific
/// and so never generated. The fused <c>argoflow-pipeline</c> service hosts every step type it runs, so its calls
/// stay on loopback.
/// </summary>
public static class ServiceManifests
{
    public const string StorageSecret = "argoflow-storage";

    /// <param name="service">A step type, or "pipeline" for the fused Pipeline service.</param>
    /// <param name="hosted">The step types the process serves (for "pipeline": those the fused runs call locally).</param>
    /// <param name="tlsSecret">Serve gRPC over TLS with this Secret (<see cref="ServiceTls"/>), or null for h2c.</param>
    /// <param name="scale">The pod count from the spec: a fixed <c>replicas</c> (default 1), or none with an autoscaler.</param>
    public static Deployment Deployment(string service, IReadOnlyList<string> hosted, string ns, string image, string? tlsSecret = null, ServiceScale? scale = null)
    {
        var labels = ManifestLabels.ForService(service);
        // kubelet's gRPC probe speaks h2c only: with TLS the probes ask the plain HTTP port's /healthz (200 when SERVING).
        Probe Check(int period, int timeout, int failures) => tlsSecret is null
            ? new Probe(new GrpcAction(ServicePorts.Grpc), PeriodSeconds: period, TimeoutSeconds: timeout, FailureThreshold: failures)
            : new Probe(null, PeriodSeconds: period, TimeoutSeconds: timeout, FailureThreshold: failures, HttpGet: new HttpGetAction("/healthz", "http"));
        var container = new Container(
            "argoflow",
            image,
            Args: ["serve", "--services", string.Join(',', hosted), "--grpc-port", Port(ServicePorts.Grpc), "--http-port", Port(ServicePorts.Http)],
            Env: [new EnvVar("TMPDIR", "/tmp"), .. tlsSecret is null ? [] : ServiceTls.ServerEnv],
            EnvFrom: [new EnvFromSource(new SecretEnvSource(StorageSecret, Optional: true))],
            Ports: [new ContainerPort("grpc", ServicePorts.Grpc), new ContainerPort("http", ServicePorts.Http)],
            Resources: ServiceResources.For(hosted),
            // Start-up loads models and warms up; allow up to 2 minutes before liveness takes over.
            StartupProbe: Check(2, 2, 60),
            ReadinessProbe: Check(5, 2, 2),
            LivenessProbe: Check(10, 5, 3),
            SecurityContext: PodSecurity.Container,
            VolumeMounts: [new VolumeMount("tmp", "/tmp"), .. tlsSecret is null ? [] : new[] { ServiceTls.ServerMountFor() }]);
        var pod = new PodSpec(
            [container],
            AutomountServiceAccountToken: false,
            SecurityContext: PodSecurity.Pod,
            TerminationGracePeriodSeconds: 30,
            Volumes: [new Volume("tmp", new EmptyDirVolumeSource("1Gi")), .. tlsSecret is null ? [] : new[] { ServiceTls.ServerVolumeFor(tlsSecret) }],
            TopologySpreadConstraints: scale?.MaxPods > 1 ? ScaleManifests.Spread(service) : null);
        // With an autoscaler the count is left out: every apply would otherwise reset what the autoscaler chose.
        var replicas = scale?.Autoscale is null ? scale?.Replicas ?? 1 : (int?)null;
        return Kubernetes.Deployment.Create(
            new ObjectMeta("argoflow-" + service, Namespace: ns, Labels: labels),
            new DeploymentSpec(replicas, new LabelSelector(ManifestLabels.Sorted((ManifestLabels.Name, "argoflow-" + service))),
                new PodTemplateSpec(new ObjectMeta(Labels: labels), pod)));
    }

    /// <param name="tls">gRPC is served over TLS: the port is no longer h2c, so it claims no application protocol.</param>
    public static Service Service(string service, string ns, bool tls = false) => Kubernetes.Service.Create(
        new ObjectMeta("argoflow-" + service, Namespace: ns, Labels: ManifestLabels.ForService(service)),
        new ServiceSpec(
            ManifestLabels.Sorted((ManifestLabels.Name, "argoflow-" + service)),
            [
                new ServicePort("grpc", ServicePorts.Grpc, "grpc", AppProtocol: tls ? null : "kubernetes.io/h2c"),
                new ServicePort("http", ServicePorts.Http, "http", AppProtocol: "http"),
            ]));

    private static string Port(int port) => port.ToString(CultureInfo.InvariantCulture);
}
