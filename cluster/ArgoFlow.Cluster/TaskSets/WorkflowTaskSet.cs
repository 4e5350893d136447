using System.Text.Json;
using System.Text.Json.Nodes;
using ArgoFlow.Cluster.Argo;

namespace ArgoFlow.Cluster.TaskSets;

/// <summary>
/// Argo <c>io.argoproj.workflow.v1alpha1.WorkflowTaskSet</c>: the controller writes one per workflow (same name and
/// namespace, owned by the workflow) with the http and plugin templates to run in <c>spec.tasks</c>; an agent
/// reports each in <c>status.nodes</c> through the status subresource. Labelled
/// <c>workflows.argoproj.io/completed: "true"</c> once the workflow is done.
/// </summary>
public sealed record WorkflowTaskSet(
    ObjectMeta Metadata,
    string? WorkflowUid,
    IReadOnlyDictionary<string, TaskSetTask> Tasks,
    IReadOnlyDictionary<string, NodeResult> Nodes,
    IReadOnlyList<string> Problems)
{
    public const string CompletedLabel = "workflows.argoproj.io/completed";

    public string Name => Metadata.Name ?? "";

    public string Namespace => Metadata.Namespace ?? "";

    /// <summary>Argo's <c>IsWorkflowCompleted</c>: the label is exactly "true".</summary>
    public bool IsCompleted => Metadata.Labels?.GetValueOrDefault(CompletedLabel) == "true";

    /// <summary>
    /// Reads a TaskSet as the API server sent it. A task whose template cannot be read does not hide the others:
    /// it is left out of <see cref="Tasks"/> and described in <see cref="Problems"/> (node id and reason), so the
    /// agent can fail that node with the reason.
    /// </summary>
    public static WorkflowTaskSet From(JsonObject raw)
    {
        ArgumentNullException.ThrowIfNull(raw);
        var metadata = raw["metadata"] is JsonObject m ? ArgoJson.FromNode<ObjectMeta>(m) : new ObjectMeta();
        var tasks = new Dictionary<string, TaskSetTask>(StringComparer.Ordinal);
        var problems = new List<string>();
        if (raw["spec"]?["tasks"] is JsonObject specTasks)
        {
            foreach (var (nodeId, template) in specTasks)
            {
                if (template is not JsonObject t)
                {
                    continue;
                }

                try
                {
                    tasks[nodeId] = TaskSetTask.From(nodeId, t);
                }
                catch (JsonException ex)
                {
                    problems.Add($"{nodeId}\t{ex.Message}");
                }
            }
        }

        var nodes = new Dictionary<string, NodeResult>(StringComparer.Ordinal);
        if (raw["status"]?["nodes"] is JsonObject statusNodes)
        {
            foreach (var (nodeId, result) in statusNodes)
            {
                if (result is JsonObject r)
                {
                    nodes[nodeId] = ArgoJson.FromNode<NodeResult>(r);
                }
            }
        }

        return new WorkflowTaskSet(metadata, OwnerWorkflowUid(raw), tasks, nodes, problems);
    }

    /// <summary>The owning workflow's uid (Argo's agent gets it from ARGO_WORKFLOW_UID and sends it to plugins).</summary>
    private static string? OwnerWorkflowUid(JsonObject raw) =>
        (raw["metadata"]?["ownerReferences"] as JsonArray)?.OfType<JsonObject>()
            .Where(o => (string?)o["kind"] == "Workflow")
            .Select(o => (string?)o["uid"])
            .FirstOrDefault();

    /// <summary>The merge patch for the status subresource that sets these results (Argo's patchWorker body).</summary>
    public static JsonObject StatusPatch(IEnumerable<KeyValuePair<string, NodeResult>> results)
    {
        ArgumentNullException.ThrowIfNull(results);
        var nodes = new JsonObject();
        foreach (var (nodeId, result) in results)
        {
            nodes[nodeId] = JsonSerializer.SerializeToNode(result, ArgoJson.Options);
        }

        return new JsonObject { ["status"] = new JsonObject { ["nodes"] = nodes } };
    }
}
