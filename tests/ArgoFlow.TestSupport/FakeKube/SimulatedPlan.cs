using System.Text.Json.Nodes;

namespace ArgoFlow.TestSupport.FakeKube;

/// <summary>
/// Works out which steps a workflow runs, as Argo would name them: the entrypoint's DAG tasks in dependency order
/// (node name <c>WF.TASK</c>), its steps groups in order (<c>WF[i].STEP</c>), or the entrypoint alone. The node
/// type follows the step's template: http -> HTTP, plugin -> Plugin, anything else -> Pod.
/// </summary>
internal static class SimulatedPlan
{
    public static (string EntryType, IReadOnlyList<SimulatedStep> Steps) Build(string workflowName, JsonObject spec)
    {
        var templates = (spec["templates"] as JsonArray ?? []).OfType<JsonObject>().ToDictionary(t => (string)t["name"]!, StringComparer.Ordinal);
        var entry = (string?)spec["entrypoint"] ?? throw new InvalidOperationException("spec.entrypoint is required");
        if (!templates.TryGetValue(entry, out var main))
        {
            throw new InvalidOperationException($"entrypoint template \"{entry}\" not found");
        }

        if (main["dag"]?["tasks"] is JsonArray tasks)
        {
            var ordered = TopologicalOrder(tasks.OfType<JsonObject>().ToList());
            return ("DAG", ordered.Select(t => Step($"{workflowName}.{t["name"]}", (string)t["name"]!, (string)t["template"]!, templates)).ToList());
        }

        if (main["steps"] is JsonArray groups)
        {
            var steps = new List<SimulatedStep>();
            for (var i = 0; i < groups.Count; i++)
            {
                foreach (var s in (groups[i] as JsonArray ?? []).OfType<JsonObject>())
                {
                    steps.Add(Step($"{workflowName}[{i}].{s["name"]}", (string)s["name"]!, (string)s["template"]!, templates));
                }
            }

            return ("Steps", steps);
        }

        return ("", [Step(workflowName, workflowName, entry, templates)]);
    }

    /// <summary>The spec to run: the workflow's own, or its WorkflowTemplate's (null with Argo's error when missing).</summary>
    public static JsonObject? ResolveSpec(FakeKubeStore store, string ns, JsonObject wf, out string? error)
    {
        error = null;
        var spec = wf["spec"]!.AsObject();
        if ((string?)spec["workflowTemplateRef"]?["name"] is not { } templateName)
        {
            return spec;
        }

        var template = store.Get(FakeResource.WorkflowTemplates, ns, templateName);
        if (template is null)
        {
            error = $"workflowtemplates.argoproj.io \"{templateName}\" not found";
            return null;
        }

        var merged = template["spec"]!.DeepClone().AsObject();
        if (spec["entrypoint"] is { } entry)
        {
            merged["entrypoint"] = entry.DeepClone();
        }

        return merged;
    }

    private static SimulatedStep Step(string node, string display, string template, Dictionary<string, JsonObject> templates)
    {
        var t = templates.GetValueOrDefault(template);
        var type = t?["http"] is not null ? "HTTP" : t?["plugin"] is not null ? "Plugin" : "Pod";
        return new SimulatedStep(node, display, template, type);
    }

    private static List<JsonObject> TopologicalOrder(List<JsonObject> tasks)
    {
        var done = new HashSet<string>(StringComparer.Ordinal);
        var result = new List<JsonObject>();
        while (result.Count < tasks.Count)
        {
            var ready = tasks.FirstOrDefault(t => !done.Contains((string)t["name"]!) && Dependencies(t).All(done.Contains))
                        ?? throw new InvalidOperationException("DAG has a cycle or an unknown dependency");
            done.Add((string)ready["name"]!);
            result.Add(ready);
        }

        return result;
    }

    private static IEnumerable<string> Dependencies(JsonObject task)
    {
        var list = (task["dependencies"] as JsonArray ?? []).Select(d => (string)d!);
        var depends = ((string?)task["depends"] ?? "")
            .Split(["&&", "||", "(", ")", "!"], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(d => d.Split('.')[0]);
        return list.Concat(depends).Where(d => d.Length > 0);
    }
}
