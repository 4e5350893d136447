using ArgoFlow.Templates.Manifests;
using ArgoFlow.Templates.Spec.Validation;
using ArgoFlow.Templates.Yaml;

namespace ArgoFlow.Templates.Lint;

/// <summary>
/// <c>argoflow lint</c> for the external agent's objects (<c>generate --agent</c>): the controller ConfigMap's
/// <c>disableAgentPodCreation</c>, a Deployment that runs <c>argoflow agent</c>, and the agent's Role. Each check is a
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

    private static void CheckDeployment(YMapping document, YMapping container, DiagnosticBag bag)
    {
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
