using System.Text.Json.Nodes;
using ArgoFlow.Cluster.Argo;
using ArgoFlow.Cluster.Kube;
using ArgoFlow.Cluster.TaskSets;

namespace ArgoFlow.Cluster.Controller;

/// <summary>
/// Reads the evidence of <see cref="AgentRoute"/> for one workflow. Each read that is refused (401/403) or missing
/// becomes a problem in the report, never the command's failure: `get` still shows the workflow.
/// </summary>
public static class AgentRouteReader
{
    /// <summary>Argo labels its agent pods with the workflow's name and this component (workflow/controller/agent.go).</summary>
    public const string WorkflowLabel = "workflows.argoproj.io/workflow";

    public const string ComponentLabel = "workflows.argoproj.io/component";

    public static async Task<AgentRoute> ReadAsync(KubeApiClient api, Workflow workflow, string controllerNamespace, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(api);
        ArgumentNullException.ThrowIfNull(workflow);
        var steps = workflow.Status?.Nodes?.Values.Count(n => n.Type is "HTTP" or "Plugin") ?? 0;
        if (steps == 0)
        {
            return new AgentRoute { AgentSteps = 0, Controller = new ControllerSettings { Namespace = controllerNamespace, Problem = "not read", ConfigMapProblem = "not read" } };
        }

        var name = workflow.Metadata.Name ?? "";
        var ns = workflow.Metadata.Namespace ?? api.Namespace;
        var controller = await ControllerSettingsReader.ReadAsync(api, controllerNamespace, cancellationToken).ConfigureAwait(false);
        var (pods, podsProblem) = await AgentPodsAsync(api, ns, name, cancellationToken).ConfigureAwait(false);
        var route = new AgentRoute { AgentSteps = steps, Controller = controller, AgentPods = pods, PodsProblem = podsProblem };
        try
        {
            var raw = await api.TryGetAsync(ResourceTypes.WorkflowTaskSet.ItemPath(ns, name), cancellationToken).ConfigureAwait(false);
            if (raw is null)
            {
                return route;
            }

            var taskSet = WorkflowTaskSet.From(raw);
            return route with
            {
                TaskSet = $"{ns}/{name}",
                Tasks = taskSet.Tasks.Count + taskSet.Problems.Count,
                Results = taskSet.Nodes.Count,
            };
        }
        catch (KubeApiException ex) when (ex.Code is 401 or 403)
        {
            return route with { TaskSetProblem = ex.Status.Message };
        }
    }

    private static async Task<(IReadOnlyList<string> Pods, string? Problem)> AgentPodsAsync(KubeApiClient api, string ns, string workflow, CancellationToken cancellationToken)
    {
        var selector = Uri.EscapeDataString($"{WorkflowLabel}={workflow},{ComponentLabel}=agent");
        try
        {
            var list = await api.GetAsync($"{ResourceTypes.Pod.CollectionPath(ns)}?labelSelector={selector}", cancellationToken).ConfigureAwait(false);
            var names = (list["items"] as JsonArray)?.OfType<JsonObject>()
                .Select(p => (string?)p["metadata"]?["name"])
                .OfType<string>()
                .Order(StringComparer.Ordinal)
                .ToList() ?? [];
            return (names, null);
        }
        catch (KubeApiException ex) when (ex.Code is 401 or 403)
        {
            return ([], ex.Status.Message);
        }
    }
}
