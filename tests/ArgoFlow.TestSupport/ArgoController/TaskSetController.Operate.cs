using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using ArgoFlow.TestSupport.FakeKube;

namespace ArgoFlow.TestSupport.ArgoController;

/// <summary>One reconciliation of a workflow: read results, retire them, write ready tasks, write the status.</summary>
public sealed partial class TaskSetController
{
    private void Operate(ControllerWorkflow run)
    {
        var done = ReadResults(run);
        var tasks = run.Failure is null ? Schedule(run) : [];
        var running = run.Tasks.Any(t => t.RunningNodeId is not null && !t.Fulfilled);
        run.Done = !running && tasks.Count == 0 && (run.Failure is not null || run.Tasks.All(t => t.Fulfilled));
        WriteTaskSet(run, done, tasks);
        WriteStatus(run);
        if (run.Done)
        {
            Finish((run.Namespace, run.Name));
        }
    }

    private List<string> ReadResults(ControllerWorkflow run)
    {
        var retired = new List<string>();
        var results = _store.Get(FakeResource.WorkflowTaskSets, run.Namespace, run.Name)?["status"]?["nodes"] as JsonObject ?? [];
        foreach (var (nodeId, result) in results)
        {
            var phase = (string?)result?["phase"] ?? string.Empty;
            var final = phase is "Succeeded" or "Failed" or "Error";
            var task = run.Tasks.FirstOrDefault(t => t.RunningNodeId == nodeId && !t.Fulfilled);
            if (task is null)
            {
                UnexpectedResults.Enqueue($"{run.Name}/{nodeId}: {phase}");
                retired.Add(nodeId);
                continue;
            }

            var node = task.AttemptNodes[^1];
            node["phase"] = phase;
            node["message"] = result?["message"]?.DeepClone();
            node["outputs"] = result?["outputs"]?.DeepClone();
            if (!final)
            {
                task.Phase = phase;
                continue;
            }

            ResultsRead.AddOrUpdate(nodeId, 1, (_, n) => n + 1);
            ResultSeenAt[nodeId] = Stopwatch.GetTimestamp();
            node["finishedAt"] = Now();
            retired.Add(nodeId);
            task.RunningNodeId = null;
            (task.Message, task.Outputs) = ((string?)result?["message"], result?["outputs"]?.DeepClone());
            if (phase != "Succeeded" && task.Attempt + 1 < task.MaxAttempts && run.Failure is null)
            {
                continue;
            }

            (task.Phase, task.FinishedAt) = (phase, Now());
            if (phase != "Succeeded")
            {
                run.Failure ??= run.IsDag ? $"child '{nodeId}' failed" : task.Message;
            }
        }

        return retired;
    }

    private Dictionary<string, JsonObject> Schedule(ControllerWorkflow run)
    {
        var written = new Dictionary<string, JsonObject>(StringComparer.Ordinal);
        foreach (var task in run.Tasks.Where(t => !t.Fulfilled && t.RunningNodeId is null))
        {
            if (!task.Dependencies.All(d => run.Tasks.Single(t => t.Name == d).Phase == "Succeeded"))
            {
                continue;
            }

            task.Attempt++;
            task.StartedAt ??= Now();
            var nodeName = task.HasRetryNode ? $"{run.NodeName(task)}({task.Attempt})" : run.NodeName(task);
            var nodeId = run.NodeId(nodeName);

            var node = new JsonObject
            {
                ["id"] = nodeId, ["name"] = nodeName, ["displayName"] = task.HasRetryNode ? nodeName[(nodeName.LastIndexOf('.') + 1)..] : task.Name,
                ["type"] = task.NodeType, ["templateName"] = (string?)task.Template["name"], ["phase"] = "Pending", ["startedAt"] = Now(),
            };
            task.AttemptNodes.Add(node);
            try
            {
                written[nodeId] = Resolve(run, task);
            }
            catch (ArgoSubstitutionException e)
            {
                // Argo fails the node when its template cannot be resolved; no task reaches the agent.
                (node["phase"], node["message"], task.Phase, task.Message) = ("Error", e.Message, "Error", e.Message);
                run.Failure ??= run.IsDag ? $"child '{nodeId}' failed" : e.Message;
                continue;
            }

            task.RunningNodeId = nodeId;
            task.Phase = "Pending";
            TaskWrittenAt[nodeId] = Stopwatch.GetTimestamp();
        }

        return written;
    }

    /// <summary>The template as Argo hands it to the agent: arguments, then inputs, then every tag substituted.</summary>
    private static JsonObject Resolve(ControllerWorkflow run, ControllerTask task)
    {
        var scope = run.Scope();
        var arguments = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var argument in task.Arguments ?? [])
        {
            var value = argument!["value"]!.GetValueKind() == JsonValueKind.String ? (string)argument["value"]! : argument["value"]!.ToJsonString();
            var quoted = ArgoTemplateSubstitution.Substitute(JsonSerializer.Serialize(value), scope);
            arguments[(string)argument["name"]!] = JsonSerializer.Deserialize<string>(quoted)!;
        }

        foreach (var input in task.Template["inputs"]?["parameters"]?.AsArray() ?? [])
        {
            var name = (string)input!["name"]!;
            scope["inputs.parameters." + name] = arguments.TryGetValue(name, out var value) ? value
                : (string?)input["value"] ?? (string?)input["default"]
                ?? throw new ArgoSubstitutionException($"inputs.parameters.{name} was not supplied");
        }

        var text = ArgoTemplateSubstitution.Substitute(task.Template.ToJsonString(), scope);
        return JsonNode.Parse(text)!.AsObject();
    }

    private void WriteTaskSet(ControllerWorkflow run, List<string> retired, Dictionary<string, JsonObject> tasks)
    {
        if (!_store.Exists(FakeResource.WorkflowTaskSets, run.Namespace, run.Name))
        {
            if (tasks.Count == 0)
            {
                return;
            }

            _store.Add(FakeResource.WorkflowTaskSets, run.Namespace, new JsonObject
            {
                ["apiVersion"] = "argoproj.io/v1alpha1", ["kind"] = "WorkflowTaskSet",
                ["metadata"] = new JsonObject
                {
                    ["name"] = run.Name, ["namespace"] = run.Namespace,
                    ["ownerReferences"] = new JsonArray(new JsonObject { ["apiVersion"] = "argoproj.io/v1alpha1", ["kind"] = "Workflow", ["name"] = run.Name, ["uid"] = run.Uid }),
                },
                ["spec"] = new JsonObject { ["tasks"] = new JsonObject(tasks.Select(t => KeyValuePair.Create(t.Key, (JsonNode?)t.Value))) },
            });
            return;
        }

        _store.Patch(FakeResource.WorkflowTaskSets, run.Namespace, run.Name, taskSet =>
        {
            var specTasks = (taskSet["spec"] ??= new JsonObject())["tasks"] ??= new JsonObject();
            var statusNodes = (taskSet["status"] as JsonObject)?["nodes"] as JsonObject;
            foreach (var id in retired)
            {
                specTasks.AsObject().Remove(id);
                statusNodes?.Remove(id);
            }

            foreach (var (id, template) in tasks)
            {
                specTasks[id] = template;
            }

            if (run.Done)
            {
                ((taskSet["metadata"]!["labels"] ??= new JsonObject()).AsObject())["workflows.argoproj.io/completed"] = "true";
            }

            return taskSet;
        });
    }

    private string Now() => _time.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
