using System.Globalization;
using ArgoFlow.Core.Catalog;
using ArgoFlow.Templates.Kubernetes;

namespace ArgoFlow.Templates.Manifests;

/// <summary>
/// <c>generate --agent</c>: the always-running <c>argoflow agent</c> that executes the http and plugin tasks Argo
/// writes into WorkflowTaskSets once the controller runs with <c>disableAgentPodCreation</c> - its ServiceAccount,
/// Role, RoleBinding and Deployment (probes on /healthz and /readyz, the services' resources discipline and
/// security context). The controller setting itself is <see cref="ControllerConfigPatch"/>.
/// </summary>
public static class AgentManifests
{
    public const string Name = "argoflow-agent";

    /// <summary>Two replicas: a Lease keeps them from running a task twice, and one takes over when the other dies.</summary>
    public const int Replicas = 2;

    /// <param name="secretHeaders">Some http template reads a header from a Secret: only then may the agent get Secrets.</param>
    /// <param name="tls">The TLS Secret and CA key the step client trusts for plugin calls (<see cref="ServiceTls"/>), or null.</param>
    public static IReadOnlyList<object> For(string ns, string image, bool secretHeaders, (string Secret, string CaKey)? tls = null)
    {
        var labels = ManifestLabels.ForService("agent");
        return
        [
            ServiceAccount.Create(new ObjectMeta(Name, Namespace: ns, Labels: labels)),
            Role.Create(new ObjectMeta(Name, Namespace: ns, Labels: labels), Rules(secretHeaders)),
            RoleBinding.Create(
                new ObjectMeta(Name, Namespace: ns, Labels: labels),
                new RoleRef(Rbac.ApiGroup, "Role", Name),
                [new Subject("ServiceAccount", Name, ns)]),
            Deployment(ns, image, tls),
        ];
    }

    /// <summary>
    /// Least privilege: read TaskSets and patch their status (never their spec, which is the controller's); Leases
    /// for the replicas' coordination; Secrets only for secret-reading headers.
    /// </summary>
    public static IReadOnlyList<PolicyRule> Rules(bool secretHeaders) =>
    [
        new PolicyRule(["argoproj.io"], ["workflowtasksets"], ["get", "list", "watch"]),
        new PolicyRule(["argoproj.io"], ["workflowtasksets/status"], ["patch"]),
        new PolicyRule(["coordination.k8s.io"], ["leases"], ["get", "create", "update"]),
        .. secretHeaders ? new[] { new PolicyRule([""], ["secrets"], ["get"]) } : [],
    ];

    private static Deployment Deployment(string ns, string image, (string Secret, string CaKey)? tls)
    {
        // The agent calls the services, so with --network-policy it must count as a client.
        var podLabels = new SortedDictionary<string, string>(ManifestLabels.ForService("agent"), StringComparer.Ordinal)
        {
            [ManifestLabels.Client] = "true",
        };
        Probe Http(string path, int period, int failures) =>
            new(null, PeriodSeconds: period, TimeoutSeconds: 2, FailureThreshold: failures, HttpGet: new HttpGetAction(path, "http"));
        var container = new Container(
            "argoflow-agent",
            image,
            Args: ["agent", "--namespace", ns, "--http-port", ServicePorts.Http.ToString(CultureInfo.InvariantCulture)],
            Env:
            [
                new EnvVar("TMPDIR", "/tmp"),
                // The Lease lives in the pod's own namespace unless --lease-namespace says otherwise.
                new EnvVar("POD_NAMESPACE", ValueFrom: new EnvVarSource(FieldRef: new ObjectFieldSelector("metadata.namespace"))),
                .. tls is { } t ? new[] { ServiceTls.CaPemEnv(t.Secret, t.CaKey) } : [],
            ],
            Ports: [new ContainerPort("http", ServicePorts.Http)],
            Resources: ServiceResources.Agent,
            StartupProbe: Http("/healthz", 2, 30),
            // Ready once the first TaskSet list has succeeded: a replica that cannot reach the API takes no work.
            ReadinessProbe: Http("/readyz", 5, 2),
            LivenessProbe: Http("/healthz", 10, 3),
            SecurityContext: PodSecurity.Container,
            VolumeMounts: [new VolumeMount("tmp", "/tmp")]);
        var pod = new PodSpec(
            [container],
            ServiceAccountName: Name,
            // The agent talks to the Kubernetes API: it needs its token, unlike the services.
            AutomountServiceAccountToken: true,
            SecurityContext: PodSecurity.Pod,
            // SIGTERM drains in-flight tasks and patches their results; a step may run up to its timeoutSeconds.
            TerminationGracePeriodSeconds: 60,
            Volumes: [new Volume("tmp", new EmptyDirVolumeSource("256Mi"))]);
        return Kubernetes.Deployment.Create(
            new ObjectMeta(Name, Namespace: ns, Labels: ManifestLabels.ForService("agent")),
            new DeploymentSpec(Replicas, new LabelSelector(ManifestLabels.Sorted((ManifestLabels.Name, Name))),
                new PodTemplateSpec(new ObjectMeta(Labels: podLabels), pod)));
    }
}
