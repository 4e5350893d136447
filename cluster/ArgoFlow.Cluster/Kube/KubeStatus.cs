using System.Text.Json.Nodes;

namespace ArgoFlow.Cluster.Kube;

/// <summary>A Kubernetes <c>Status</c> error body (kind Status, apiVersion v1): message, reason, code, causes.</summary>
public sealed record KubeStatus(int Code, string? Reason, string Message, IReadOnlyList<KubeStatusCause> Causes)
{
    /// <summary>How long the server asked the client to wait (<c>details.retryAfterSeconds</c> or a Retry-After header), if it did.</summary>
    public TimeSpan? RetryAfter { get; init; }

    /// <summary>
    /// Worth retrying unchanged: 429 (throttled) and the 5xx answers of an overloaded or restarting API server or of
    /// a proxy in front of it (500, 502, 503, 504). 501 and every 4xx other than 429 are final.
    /// </summary>
    public bool IsTransient => Code is 429 or 500 or 502 or 503 or 504;

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
        var retryAfter = obj["details"]?["retryAfterSeconds"] is JsonValue r && r.TryGetValue<int>(out var seconds) && seconds > 0
            ? TimeSpan.FromSeconds(seconds)
            : (TimeSpan?)null;
        return new KubeStatus(code, (string?)obj["reason"], (string?)obj["message"] ?? $"HTTP {code}", causes) { RetryAfter = retryAfter };
    }

    private static string Shorten(string text) => text.Length <= 300 ? text : text[..300] + "...";
}
