using System.Text.Json.Nodes;
using ArgoFlow.TestSupport.FakeKube;

namespace ArgoFlow.TestSupport.ArgoController;

/// <summary>
/// A workflow the fake controller runs: its entrypoint as DAG tasks (a single http/plugin entrypoint is one task
/// whose node is the workflow's own), the workflow parameters (template defaults, overridden by the Workflow's
/// arguments) and the scope Argo substitutes from.
/// </summary>
internal sealed class ControllerWorkflow
{
    private ControllerWorkflow(string ns, string name, string uid, string entry, bool dag, IReadOnlyList<ControllerTask> tasks, Dictionary<string, string> parameters)
    {
        (Namespace, Name, Uid, Entry, IsDag, Tasks, Parameters) = (ns, name, uid, entry, dag, tasks, parameters);
    }

    public string Namespace { get; }

    public string Name { get; }

    public string Uid { get; }

    public string Entry { get; }

    public bool IsDag { get; }

    public IReadOnlyList<ControllerTask> Tasks { get; }

    public Dictionary<string, string> Parameters { get; }

    public string? Failure { get; set; }

    public bool Done { get; set; }

    public static ControllerWorkflow From(FakeKubeStore store, string ns, JsonObject workflow)
    {
        var name = (string)workflow["metadata"]!["name"]!;
        var spec = SimulatedPlan.ResolveSpec(store, ns, workflow, out var error) ?? throw new InvalidOperationException(error);
        var templates = spec["templates"]!.AsArray().Select(t => t!.AsObject()).ToDictionary(t => (string)t["name"]!, StringComparer.Ordinal);
        var entry = (string)(workflow["spec"]!["entrypoint"] ?? spec["entrypoint"])!;
        var parameters = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var source in new[] { spec["arguments"]?["parameters"], workflow["spec"]!["arguments"]?["parameters"] })
        {
            foreach (var p in source?.AsArray() ?? [])
            {
                if (p?["value"] is { } value)
                {
                    parameters[(string)p["name"]!] = value.GetValueKind() == System.Text.Json.JsonValueKind.String ? (string)value! : value.ToJsonString();
                }
            }
        }

        var main = templates[entry];
        var tasks = main["dag"]?["tasks"] is JsonArray dag
            ? dag.Select(t => t!.AsObject()).Select(t => new ControllerTask(
                (string)t["name"]!,
                templates[(string)t["template"]!],
                (t["dependencies"] as JsonArray ?? []).Select(d => (string)d!).ToList(),
                t["arguments"]?["parameters"] as JsonArray)).ToList()
            : [new ControllerTask(name, main, [], null)];
        return new ControllerWorkflow(ns, name, (string?)workflow["metadata"]!["uid"] ?? string.Empty, entry, main["dag"] is not null, tasks, parameters);
    }

    /// <summary>Argo's scope for a task's arguments: workflow fields, parameters, finished tasks' results.</summary>
    public Dictionary<string, string> Scope()
    {
        var scope = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["workflow.name"] = Name,
            ["workflow.namespace"] = Namespace,
            ["workflow.uid"] = Uid,
        };
        foreach (var (key, value) in Parameters)
        {
            scope["workflow.parameters." + key] = value;
        }

        foreach (var task in Tasks.Where(t => t.Fulfilled))
        {
            scope[$"tasks.{task.Name}.status"] = task.Phase;
            if (task.Outputs?["result"] is { } result)
            {
                scope[$"tasks.{task.Name}.outputs.result"] = (string)result!;
            }
        }

        return scope;
    }

    public string NodeName(ControllerTask task) => IsDag ? $"{Name}.{task.Name}" : Name;

    public string NodeId(string nodeName) => nodeName == Name ? Name : SimulatedController.NodeId(Name, nodeName);
}
