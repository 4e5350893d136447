using System.Globalization;
using ArgoFlow.Core.Catalog;
using ArgoFlow.Templates.Kubernetes;

namespace ArgoFlow.Templates.Manifests;

/// <summary>
/// <c>generate --agent</c>: the always-running <c>argoflow agent</c> that executes the http and plugin tasks Argo
/// writes into WorkflowTaskSets once the controller runs with <c>disableAgentPodCreation</c> - its ServiceAccount,
/// Role, RoleBinding and Deployment (probes on /healthz and /readyz, the services' resources discipline and
/// security context), one per pipeline namespace or one for several (<c>--agent-namespaces</c>). The controller
/// setting itself is <see cref="ControllerConfigPatch"/>.
/// </summary>
public static class AgentManifests
{
    public const string Name = "argoflow-agent";

    /// <summary>Two replicas: a Lease keeps them from running a task twice, and one takes over when the other dies.</summary>
    public const int Replicas = 2;

    /// <param name="secretHeaders">Some http template reads a header from a Secret: only then may the agent get Secrets.</param>
    /// <param name="tls">The TLS Secret and CA key the step client trusts for plugin calls (<see cref="ServiceTls"/>), or null.</param>
    public static IReadOnlyList<object> For(string ns, string image, bool secretHeaders, (string Secret, string CaKey)? tls = null) =>
        For(ns, [ns], image, secretHeaders, tls);

    /// <summary>
    /// One agent in <paramref name="home"/> (its ServiceAccount, Deployment and Lease) serving
    /// <paramref name="served"/>: a Role and RoleBinding in each served namespace, the Lease grant only at home; or,
    /// with none listed, every namespace (<c>argoflow agent -A</c>) through a ClusterRole and ClusterRoleBinding, since
    /// a list and watch across namespaces is a cluster-scoped request no Role can grant.
    /// </summary>
    public static IReadOnlyList<object> For(string home, IReadOnlyList<string> served, string image, bool secretHeaders, (string Secret, string CaKey)? tls = null)
    {
        ArgumentNullException.ThrowIfNull(served);
        var labels = ManifestLabels.ForService("agent");
        Subject[] account = [new Subject("ServiceAccount", Name, home)];
        List<object> documents = [ServiceAccount.Create(new ObjectMeta(Name, Namespace: home, Labels: labels))];
        if (served.Count == 0)
        {
            // The Lease is granted in the agent's own namespace only: a ClusterRole rule would let it take any
            // Lease in the cluster, including the controllers' leader-election locks.
            documents.Add(ClusterRole.Create(new ObjectMeta(Name, Labels: labels), Rules(secretHeaders, leases: false)));
            documents.Add(ClusterRoleBinding.Create(new ObjectMeta(Name, Labels: labels), new RoleRef(Rbac.ApiGroup, "ClusterRole", Name), account));
            documents.Add(Role.Create(new ObjectMeta(LeaseRoleName, Namespace: home, Labels: labels), [LeaseRule]));
            documents.Add(RoleBinding.Create(new ObjectMeta(LeaseRoleName, Namespace: home, Labels: labels), new RoleRef(Rbac.ApiGroup, "Role", LeaseRoleName), account));
        }

        foreach (var ns in served)
        {
            documents.Add(Role.Create(new ObjectMeta(Name, Namespace: ns, Labels: labels), Rules(secretHeaders, leases: ns == home)));
            documents.Add(RoleBinding.Create(new ObjectMeta(Name, Namespace: ns, Labels: labels), new RoleRef(Rbac.ApiGroup, "Role", Name), account));
        }

        documents.Add(Deployment(home, served, image, tls));
        return documents;
    }

    /// <summary>The Role of an all-namespaces agent in its own namespace: only its Lease.</summary>
    public const string LeaseRoleName = Name + "-lease";

    private static PolicyRule LeaseRule => new(["coordination.k8s.io"], ["leases"], ["get", "create", "update"]);

    /// <summary>
    /// Least privilege: read TaskSets and patch their status (never their spec, which is the controller's); Leases
    /// for the replicas' coordination (where the agent runs); Secrets only for secret-reading headers.
    /// </summary>
    public static IReadOnlyList<PolicyRule> Rules(bool secretHeaders, bool leases = true) =>
    [
        new PolicyRule(["argoproj.io"], ["workflowtasksets"], ["get", "list", "watch"]),
        new PolicyRule(["argoproj.io"], ["workflowtasksets/status"], ["patch"]),
        .. leases ? new[] { LeaseRule } : [],
        .. secretHeaders ? new[] { new PolicyRule([""], ["secrets"], ["get"]) } : [],
    ];

    /// <summary>The agent's flags for what it serves: -A, or --namespace for each.</summary>
    private static IEnumerable<string> ServedArgs(IReadOnlyList<string> served) =>
        served.Count == 0 ? ["--all-namespaces"] : served.SelectMany(ns => new[] { "--namespace", ns });

    private static Deployment Deployment(string ns, IReadOnlyList<string> served, string image, (string Secret, string CaKey)? tls)
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
            Args: ["agent", .. ServedArgs(served), "--http-port", ServicePorts.Http.ToString(CultureInfo.InvariantCulture)],
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
