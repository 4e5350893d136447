using System.Text.Json;
using System.Text.Json.Nodes;
using ArgoFlow.Cluster.Argo;
using ArgoFlow.Cluster.Controller;
using ArgoFlow.Cluster.TaskSets;

namespace ArgoFlow.Agent.Plugins;

/// <summary>
/// Argo's <c>ExecuteTemplateReply</c>: <c>{"node": NodeResult, "requeue": "1s"}</c>; no node means the plugin did
/// not take the template. The requeue is a Go duration string (metav1.Duration).
/// </summary>
internal sealed record PluginReply(NodeResult? Node, TimeSpan Requeue)
{
    public static PluginReply Empty { get; } = new(null, TimeSpan.Zero);

    /// <summary>Reads a 200 body; throws <see cref="JsonException"/> as Go's decoder would fail on it.</summary>
    public static PluginReply Parse(string body)
    {
        if (JsonNode.Parse(body) is not JsonObject root)
        {
            throw new JsonException("json: cannot unmarshal the reply into Go value of type executor.ExecuteTemplateReply");
        }

        var node = root["node"] is JsonObject n ? ArgoJson.FromNode<NodeResult>(n) : null;
        var requeue = TimeSpan.Zero;
        if (root["requeue"] is JsonValue value && (string?)value is { Length: > 0 } text)
        {
            requeue = ControllerAdvice.Parse(text)
                ?? throw new JsonException($"time: invalid duration \"{text}\"");
        }

        return new PluginReply(node, requeue);
    }
}
