using System.Text.Json.Nodes;

namespace ArgoFlow.Agent.Tests.Support;

/// <summary>WorkflowTaskSets as Argo's controller writes them (owned by the workflow, tasks keyed by node id).</summary>
internal static class TaskSets
{
    public static JsonObject Create(string name, params (string NodeId, JsonObject Template)[] tasks)
    {
        var map = new JsonObject();
        foreach (var (nodeId, template) in tasks)
        {
            map[nodeId] = template;
        }

        return new JsonObject
        {
            ["apiVersion"] = "argoproj.io/v1alpha1",
            ["kind"] = "WorkflowTaskSet",
            ["metadata"] = new JsonObject
            {
                ["name"] = name,
                ["ownerReferences"] = new JsonArray(new JsonObject
                {
                    ["apiVersion"] = "argoproj.io/v1alpha1", ["kind"] = "Workflow", ["name"] = name, ["uid"] = $"uid-{name}",
                }),
            },
            ["spec"] = new JsonObject { ["tasks"] = map },
        };
    }

    public static JsonObject Http(string url, string method = "POST", string? body = null, int? timeoutSeconds = null, string? successCondition = null, JsonArray? headers = null)
    {
        var http = new JsonObject { ["url"] = url, ["method"] = method };
        if (body is not null)
        {
            http["body"] = body;
        }

        if (timeoutSeconds is { } t)
        {
            http["timeoutSeconds"] = t;
        }

        if (successCondition is not null)
        {
            http["successCondition"] = successCondition;
        }

        if (headers is not null)
        {
            http["headers"] = headers;
        }

        return new JsonObject { ["name"] = "call", ["http"] = http };
    }

    public static JsonObject Plugin(string pluginName, JsonObject config) =>
        new() { ["name"] = "step", ["plugin"] = new JsonObject { [pluginName] = config } };
}
