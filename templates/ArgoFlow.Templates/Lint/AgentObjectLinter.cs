using ArgoFlow.Templates.Manifests;
using ArgoFlow.Templates.Spec.Validation;
using ArgoFlow.Templates.Yaml;

namespace ArgoFlow.Templates.Lint;

/// <summary>
/// <c>argoflow lint</c> for the external agent's objects (<c>generate --agent</c>): the controller ConfigMap's
/// <c>disableAgentPodCreation</c>, a Deployment that runs <c>argoflow agent</c>, and the agent's Role or ClusterRole and
/// ClusterRoleBinding (<c>--agent-namespaces all</c>). Each check is a
/// mistake that leaves workflows waiting forever with no error anywhere: tasks nobody runs, results nobody may patch.
/// </summary>
internal static class AgentObjectLinter
{
    public static void Check(string kind, YMapping document, DiagnosticBag bag)
    {
        var name = (document["metadata"] as YMapping)?["name"] is YScalar n ? n.Value : null;
        switch (kind)
        {
            case "ConfigMap" when name == ControllerConfigPatch.ConfigMapName:
                CheckControllerSetting(document, bag);
                break;
            case "Role" or "ClusterRole" when name == AgentManifests.Name:
                CheckRole(document, bag);
                break;
            case "ClusterRoleBinding" when name == AgentManifests.Name:
                CheckClusterBinding(document, bag);
                break;
            case "Deployment" when AgentContainer(document) is { } container:
                CheckDeployment(document, container, bag);
                break;
        }
    }

    // ConfigMap data values are strings; a bare true is rejected by the API server and a typo is silently ignored
    // by the controller, which then keeps creating agent pods.
    private static void CheckControllerSetting(YMapping document, DiagnosticBag bag)
    {
        if ((document["data"] as YMapping)?[ControllerConfigPatch.Setting] is not { } value)
        {
            return;
        }

        if (value is not YScalar { IsPlain: false } text || text.Value is not ("true" or "false"))
        {
            bag.Error(value, "data." + ControllerConfigPatch.Setting, "must be the quoted string \"true\" or \"false\" (ConfigMap values are strings)");
        }
    }

    private static void CheckRole(YMapping document, DiagnosticBag bag)
    {
        var grants = new HashSet<string>(StringComparer.Ordinal);
        foreach (var rule in (document["rules"] as YSequence)?.Items.OfType<YMapping>() ?? [])
        {
            var verbs = Strings(rule["verbs"]);
            foreach (var resource in Strings(rule["resources"]))
            {
                foreach (var verb in verbs)
                {
                    grants.Add(resource + ":" + verb);
                }
            }
        }

        string[] needed = ["workflowtasksets:list", "workflowtasksets:watch", "workflowtasksets/status:patch"];
        var missing = needed.Where(g => !grants.Contains(g) && !grants.Contains(g.Split(':')[0] + ":*")).ToList();
        if (missing.Count > 0)
        {
            bag.Error(document["rules"] ?? document, "rules", $"the agent needs {string.Join(", ", missing.Select(m => m.Replace(":", " ", StringComparison.Ordinal)))}: without them it never sees tasks or cannot report results");
        }
    }

    /// <summary>
    /// Across the documents of one file: an agent that serves every namespace (-A) lists and watches cluster-wide,
    /// which only a ClusterRole bound by a ClusterRoleBinding allows; with a Role alone it is refused (403) forever.
    /// </summary>
    public static void CheckFile(IReadOnlyList<(string Kind, YMapping Document)> documents, DiagnosticBag bag)
    {
        ArgumentNullException.ThrowIfNull(documents);
        bool Named(YMapping d) => (d["metadata"] as YMapping)?["name"] is YScalar { Value: AgentManifests.Name };
        var clusterWide = documents.Where(d => d.Kind == "Deployment" && AgentContainer(d.Document) is { } c && Served(c).All).ToList();
        var roleOnly = documents.Any(d => d.Kind == "RoleBinding" && Named(d.Document)) && !documents.Any(d => d.Kind == "ClusterRoleBinding" && Named(d.Document));
        foreach (var (_, deployment) in roleOnly ? clusterWide : [])
        {
            bag.Error(AgentContainer(deployment)!["args"] ?? deployment, "spec.template.spec.containers[].args",
                "argoflow agent --all-namespaces needs a ClusterRole and ClusterRoleBinding, but this file binds only a Role: every list and watch would be refused (generate --agent --agent-namespaces all)");
        }
    }

    // The API server rejects a ClusterRoleBinding to a Role, and a ServiceAccount subject without its namespace.
    private static void CheckClusterBinding(YMapping document, DiagnosticBag bag)
    {
        if ((document["roleRef"] as YMapping)?["kind"] is YScalar { Value: not "ClusterRole" } kind)
        {
            bag.Error(kind, "roleRef.kind", $"must be ClusterRole in a ClusterRoleBinding, got {kind.Value}");
        }

        foreach (var subject in (document["subjects"] as YSequence)?.Items.OfType<YMapping>() ?? [])
        {
            if (subject["kind"] is YScalar { Value: "ServiceAccount" } && subject["namespace"] is not YScalar { IsNull: false })
            {
                bag.Error(subject, "subjects[].namespace", "is required for a ServiceAccount in a ClusterRoleBinding: the namespace the agent runs in");
            }
        }
    }

    private static (bool All, bool Namespaced) Served(YMapping container)
    {
        var args = Strings(container["args"]);
        return (args.Any(a => a is "-A" or "--all-namespaces"), args.Any(a => a is "-n" or "--namespace" || a.StartsWith("--namespace=", StringComparison.Ordinal)));
    }

    private static void CheckDeployment(YMapping document, YMapping container, DiagnosticBag bag)
    {
        if (Served(container) is { All: true, Namespaced: true })
        {
            bag.Error(container["args"] ?? container, "spec.template.spec.containers[].args", "--all-namespaces and --namespace exclude each other: argoflow agent exits with a usage error");
        }

        var pod = ((document["spec"] as YMapping)?["template"] as YMapping)?["spec"] as YMapping;
        if (pod?["automountServiceAccountToken"] is YScalar { AsBool: false } automount)
        {
            bag.Error(automount, "spec.template.spec.automountServiceAccountToken", "must not be false: argoflow agent talks to the Kubernetes API with its service account token");
        }

        if (pod?["serviceAccountName"] is not YScalar { IsNull: false })
        {
            bag.Error(pod ?? document, "spec.template.spec.serviceAccountName", "is required: the default account cannot watch workflowtasksets (use the argoflow-agent account and Role)");
        }

        if (container["readinessProbe"] is null)
        {
            bag.Error(container, "spec.template.spec.containers[].readinessProbe", "is required: /readyz keeps a replica that cannot reach the API out of rotation");
        }
    }

    private static YMapping? AgentContainer(YMapping document)
    {
        var containers = (((document["spec"] as YMapping)?["template"] as YMapping)?["spec"] as YMapping)?["containers"] as YSequence;
        return containers?.Items.OfType<YMapping>().FirstOrDefault(c =>
            c["args"] is YSequence { Items: [YScalar { Value: "agent" }, ..] } &&
            (c["image"] as YScalar)?.Value.Contains("argoflow", StringComparison.Ordinal) == true);
    }

    private static List<string> Strings(YNode? node) =>
        (node as YSequence)?.Items.OfType<YScalar>().Select(s => s.Value).ToList() ?? [];
}
