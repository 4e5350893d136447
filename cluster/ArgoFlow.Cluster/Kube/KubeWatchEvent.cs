using System.Text.Json.Nodes;

namespace ArgoFlow.Cluster.Kube;

/// <summary>One line of a watch stream: ADDED, MODIFIED, DELETED, BOOKMARK or ERROR (then Payload is a Status).</summary>
public sealed record KubeWatchEvent(string Type, JsonObject Payload)
{
    public bool IsError => Type == "ERROR";

    public string? ResourceVersion => (string?)Payload["metadata"]?["resourceVersion"];
}
