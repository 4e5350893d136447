using System.Text.Json.Nodes;

namespace ArgoFlow.Cluster.Kube;

/// <summary>A Kubernetes <c>Status</c> error body (kind Status, apiVersion v1): message, reason, code, causes.</summary>
public sealed record KubeStatus(int Code, string? Reason, string Message, IReadOnlyList<KubeStatusCause> Causes)
{
    /// <summary>Reads a Status body; anything else (HTML from a proxy, empty) becomes a Status from the HTTP code.</summary>
    public static KubeStatus Parse(int httpCode, string? body)
    {
        JsonObject? obj = null;
        try
        {
            obj = string.IsNullOrWhiteSpace(body) ? null : JsonNode.Parse(body) as JsonObject;
        }
        catch (System.Text.Json.JsonException)
        {
        }

        if (obj is null || (string?)obj["kind"] != "Status")
        {
            var text = string.IsNullOrWhiteSpace(body) ? $"HTTP {httpCode}" : Shorten(body.Trim());
            return new KubeStatus(httpCode, null, text, []);
        }

        return FromNode(obj, httpCode);
    }

    public static KubeStatus FromNode(JsonObject obj, int fallbackCode)
    {
        var causes = new List<KubeStatusCause>();
        if (obj["details"]?["causes"] is JsonArray array)
        {
            foreach (var cause in array.OfType<JsonObject>())
            {
                causes.Add(new KubeStatusCause((string?)cause["field"], (string?)cause["reason"], (string?)cause["message"] ?? ""));
            }
        }

        var code = obj["code"] is JsonValue v && v.TryGetValue<int>(out var c) ? c : fallbackCode;
        return new KubeStatus(code, (string?)obj["reason"], (string?)obj["message"] ?? $"HTTP {code}", causes);
    }

    private static string Shorten(string text) => text.Length <= 300 ? text : text[..300] + "...";
}
