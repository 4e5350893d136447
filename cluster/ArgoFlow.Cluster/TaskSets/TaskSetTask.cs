using System.Text.Json;
using System.Text.Json.Nodes;
using ArgoFlow.Cluster.Argo;

namespace ArgoFlow.Cluster.TaskSets;

/// <summary>
/// One <c>spec.tasks[nodeId]</c> entry: an Argo Template already substituted by the controller. The agent reads
/// its <c>http</c> part typed, and keeps the template as sent (<see cref="Raw"/>) because a plugin receives the
/// whole template, fields ArgoFlow does not model included.
/// </summary>
public sealed record TaskSetTask(string NodeId, string? TemplateName, HttpTemplate? Http, string? PluginName, JsonObject Raw)
{
    private static readonly (string Key, string Type)[] Types =
    [
        ("container", "Container"), ("containerSet", "ContainerSet"), ("steps", "Steps"), ("script", "Script"),
        ("resource", "Resource"), ("dag", "DAG"), ("suspend", "Suspend"), ("data", "Data"),
    ];

    /// <summary>Argo's template type names (<c>GetType</c>): HTTP, Plugin, Container, ... or Unknown.</summary>
    public string Type =>
        Http is not null ? "HTTP"
        : PluginName is not null ? "Plugin"
        : Types.FirstOrDefault(t => Raw[t.Key] is not null).Type ?? "Unknown";

    /// <summary>Reads one task; a malformed <c>http</c> object throws <see cref="JsonException"/> naming the node.</summary>
    public static TaskSetTask From(string nodeId, JsonObject template)
    {
        ArgumentNullException.ThrowIfNull(template);
        HttpTemplate? http = null;
        if (template["http"] is JsonObject httpNode)
        {
            try
            {
                http = ArgoJson.FromNode<HttpTemplate>(httpNode);
            }
            catch (JsonException ex)
            {
                throw new JsonException($"spec.tasks[{nodeId}].http: {ex.Message}", ex);
            }
        }

        var plugin = template["plugin"] as JsonObject;
        var pluginName = plugin?.Select(p => p.Key).FirstOrDefault();
        return new TaskSetTask(nodeId, (string?)(template["name"] as JsonValue), http, plugin is null ? null : pluginName ?? "", template);
    }
}
