using System.Text.Json.Nodes;
using ArgoFlow.TestSupport.FakeKube;

namespace ArgoFlow.TestSupport.ArgoController;

/// <summary>The workflow's status as Argo writes it: the DAG node, Retry nodes with their attempts, phase, progress.</summary>
public sealed partial class TaskSetController
{
    private void WriteStatus(ControllerWorkflow run)
    {
        var nodes = new JsonObject();
        var children = new JsonArray();
        foreach (var task in run.Tasks.Where(t => t.Started))
        {
            var taskNodeId = run.NodeId(run.NodeName(task));
            children.Add(taskNodeId);
            if (task.HasRetryNode)
            {
                nodes[taskNodeId] = new JsonObject
                {
                    ["id"] = taskNodeId, ["name"] = run.NodeName(task), ["displayName"] = task.Name, ["type"] = "Retry",
                    ["templateName"] = (string?)task.Template["name"], ["phase"] = task.Fulfilled ? task.Phase : "Running",
                    ["startedAt"] = task.StartedAt, ["finishedAt"] = task.FinishedAt, ["message"] = task.Fulfilled ? task.Message : null,
                    ["outputs"] = task.Fulfilled ? task.Outputs?.DeepClone() : null,
                    ["children"] = new JsonArray(task.AttemptNodes.Select(n => (JsonNode?)JsonValue.Create((string)n["id"]!)).ToArray()),
                };
            }

            foreach (var attempt in task.AttemptNodes)
            {
                var copy = attempt.DeepClone().AsObject();
                if (run.IsDag)
                {
                    copy["boundaryID"] = run.Name;
                }

                nodes[(string)attempt["id"]!] = copy;
            }
        }

        if (run.IsDag)
        {
            nodes[run.Name] = new JsonObject
            {
                ["id"] = run.Name, ["name"] = run.Name, ["displayName"] = run.Name, ["type"] = "DAG", ["templateName"] = run.Entry,
                ["phase"] = run.Done ? (run.Failure is null ? "Succeeded" : "Failed") : "Running", ["children"] = children,
            };
        }

        var succeeded = run.Tasks.Count(t => t.Phase == "Succeeded");
        SetWorkflow(run.Namespace, run.Name, s =>
        {
            s["nodes"] = nodes;
            s["progress"] = $"{succeeded}/{run.Tasks.Count}";
            if (run.Done)
            {
                s["phase"] = run.Failure is null ? "Succeeded" : "Failed";
                s["message"] = run.Failure;
                s["finishedAt"] = Now();
            }
        });
    }

    private void SetWorkflow(string ns, string name, Action<JsonObject> change) =>
        _store.Update(FakeResource.Workflows, ns, name, wf =>
        {
            var status = wf["status"] as JsonObject ?? new JsonObject();
            wf["status"] = status;
            change(status);
        });

    private void Finish((string Ns, string Name) key)
    {
        var workflow = _store.Get(FakeResource.Workflows, key.Ns, key.Name)!;
        _finished.GetOrAdd(key, _ => new(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult(workflow);
    }
}
