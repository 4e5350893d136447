using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace ArgoFlow.Cluster.Argo;

/// <summary>
/// The one JSON convention for Kubernetes/Argo objects on the wire: camelCase, nulls omitted (an omitted field and
/// a null one mean the same to the API server, and omitting keeps diffs and dry-run output small).
/// </summary>
public static class ArgoJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        WriteIndented = false,
    };

    public static JsonSerializerOptions Indented { get; } = new(Options) { WriteIndented = true };

    public static JsonObject ToNode<T>(T value) =>
        JsonSerializer.SerializeToNode(value, Options)?.AsObject() ?? throw new InvalidOperationException("null object");

    public static T FromNode<T>(JsonNode node) =>
        node.Deserialize<T>(Options) ?? throw new JsonException($"cannot read {typeof(T).Name}");
}
