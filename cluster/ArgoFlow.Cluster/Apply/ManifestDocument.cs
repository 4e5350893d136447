using System.Text.Json.Nodes;

namespace ArgoFlow.Cluster.Apply;

/// <summary>One YAML document read from a file, as the JSON object the API server receives, and where it began.</summary>
public sealed record ManifestDocument(string File, int Line, JsonObject Body)
{
    public string? ApiVersion => (string?)Body["apiVersion"];

    public string? Kind => (string?)Body["kind"];

    public string? Name => (string?)Body["metadata"]?["name"];

    public string? Namespace => (string?)Body["metadata"]?["namespace"];

    public string Where => $"{File}:{Line}";
}
