using System.Globalization;
using System.Text.Json.Nodes;

namespace ArgoFlow.Cluster.Controller;

/// <summary>
/// How one workflow's http and plugin steps ran, from the evidence `argoflow get` can read: the controller's
/// <c>disableAgentPodCreation</c> (the same <see cref="ControllerSettings"/> `bench --cluster` reports), Argo's agent
/// pods of the workflow, and the WorkflowTaskSet the controller writes either way. Argo deletes fulfilled tasks and
/// their results from the TaskSet, so a finished workflow's TaskSet is empty; its counts matter while it runs.
/// </summary>
public sealed record AgentRoute
{
    /// <summary>The workflow's http and plugin nodes.</summary>
    public required int AgentSteps { get; init; }

    public required ControllerSettings Controller { get; init; }

    /// <summary>Argo's agent pods of the workflow (label workflows.argoproj.io/component=agent).</summary>
    public IReadOnlyList<string> AgentPods { get; init; } = [];

    /// <summary>Why the pods could not be listed; null when they were.</summary>
    public string? PodsProblem { get; init; }

    /// <summary>The TaskSet named after the workflow, or null when there is none (or it was not readable: <see cref="TaskSetProblem"/>).</summary>
    public string? TaskSet { get; init; }

    /// <summary>Tasks in the TaskSet's spec that are waiting for, or running in, an agent.</summary>
    public int Tasks { get; init; }

    /// <summary>Of those, the tasks with a result in status.nodes (final or Running).</summary>
    public int Results { get; init; }

    public string? TaskSetProblem { get; init; }

    public AgentMode Mode =>
        AgentSteps == 0 ? AgentMode.None
        : AgentPods.Count > 0 ? AgentMode.AgentPod
        : Controller.AgentModeKnown && Controller.ExternalAgent ? AgentMode.ExternalAgent
        // Unset or "false" for certain: Argo made an agent pod, which it may have cleaned up since.
        : Controller.AgentModeKnown ? AgentMode.AgentPod
        : AgentMode.Unknown;

    /// <summary>The mode as the JSON output spells it.</summary>
    public string ModeName => Mode switch
    {
        AgentMode.None => "none",
        AgentMode.AgentPod => "agent-pod",
        AgentMode.ExternalAgent => "external",
        _ => "unknown",
    };

    /// <summary>One line for the summary view.</summary>
    public string Describe()
    {
        var setting = Controller.AgentModeKnown
            ? Controller.DisableAgentPodCreation is { } value ? $"disableAgentPodCreation: \"{value}\"" : "disableAgentPodCreation unset"
            : $"controller settings {Controller.Problem ?? Controller.ConfigMapProblem}";
        var pods = PodsProblem is not null ? $"agent pods not listed: {PodsProblem}"
            : AgentPods.Count > 0 ? $"agent pod {string.Join(", ", AgentPods)}"
            : Mode == AgentMode.AgentPod ? "no agent pod now (deleted after the run, or not created yet)" : "no agent pod";
        var taskSet = TaskSetProblem is not null ? $"TaskSet not read: {TaskSetProblem}"
            : TaskSet is null ? "no TaskSet"
            : string.Create(CultureInfo.InvariantCulture, $"TaskSet {TaskSet}: {Results} of {Tasks} open task(s) reported");
        var what = Mode switch
        {
            AgentMode.None => "none (no http or plugin steps)",
            AgentMode.ExternalAgent => "external agent (argoflow agent)",
            AgentMode.AgentPod => "Argo's agent pod",
            _ => "unknown",
        };
        return Mode == AgentMode.None ? what : $"{what}; {setting}; {pods}; {taskSet}";
    }

    /// <summary>The object `get -o json|yaml` adds under <c>argoflow.agent</c>.</summary>
    public JsonObject ToJson() => new()
    {
        ["mode"] = ModeName,
        ["agentSteps"] = AgentSteps,
        ["controllerNamespace"] = Controller.Namespace,
        ["disableAgentPodCreation"] = Controller.DisableAgentPodCreation,
        ["controllerProblem"] = Controller.Problem ?? Controller.ConfigMapProblem,
        ["agentPods"] = new JsonArray([.. AgentPods.Select(p => (JsonNode)p)]),
        ["podsProblem"] = PodsProblem,
        ["taskSet"] = TaskSet is null ? null : new JsonObject { ["name"] = TaskSet, ["tasks"] = Tasks, ["results"] = Results },
        ["taskSetProblem"] = TaskSetProblem,
        ["summary"] = Describe(),
    };
}
