using System.Text.Json.Nodes;

namespace ArgoFlow.TestSupport.ArgoController;

/// <summary>
/// One DAG task of a workflow as the fake controller tracks it: the node (a Retry node when the template has a
/// retryStrategy, with one child per attempt named <c>WF.TASK(N)</c>, as Argo names them), the attempt running, and
/// its outcome.
/// </summary>
internal sealed class ControllerTask(string name, JsonObject template, IReadOnlyList<string> dependencies, JsonArray? arguments)
{
    public string Name { get; } = name;

    public JsonObject Template { get; } = template;

    public IReadOnlyList<string> Dependencies { get; } = dependencies;

    public JsonArray? Arguments { get; } = arguments;

    /// <summary>Attempts allowed: retryStrategy.limit + 1, or 1.</summary>
    public int MaxAttempts => Template["retryStrategy"]?["limit"] is { } limit ? int.Parse(limit.ToString(), System.Globalization.CultureInfo.InvariantCulture) + 1 : 1;

    public bool HasRetryNode => Template["retryStrategy"] is not null;

    public string NodeType => Template["http"] is not null ? "HTTP" : "Plugin";

    public int Attempt { get; set; } = -1;

    /// <summary>The node id of the attempt in the TaskSet (the attempt child, or the task node without retries).</summary>
    public string? RunningNodeId { get; set; }

    public string Phase { get; set; } = string.Empty;

    public string? Message { get; set; }

    public JsonNode? Outputs { get; set; }

    public bool Started => Attempt >= 0;

    /// <summary>The attempts' workflow nodes by id (one without a retryStrategy), in the order they ran.</summary>
    public List<JsonObject> AttemptNodes { get; } = [];

    public string? StartedAt { get; set; }

    public string? FinishedAt { get; set; }

    public bool Fulfilled => Phase is "Succeeded" or "Failed" or "Error" or "Skipped" or "Omitted";
}
