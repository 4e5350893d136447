using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ArgoFlow.Cluster.Rendering;

/// <summary>
/// A one-line reading of a step's outputs.result: the detections of a detect step (class and score), the output
/// URI of a resize/filter step, or the raw text shortened.
/// </summary>
public static class ResultSummary
{
    public static string Summarize(string? result, int maxLength = 100)
    {
        if (string.IsNullOrWhiteSpace(result))
        {
            return "-";
        }

        try
        {
            if (JsonNode.Parse(result) is JsonObject obj)
            {
                if (obj["detections"] is JsonArray detections)
                {
                    var items = detections.OfType<JsonObject>()
                        .Select(d => $"{(string?)d["className"] ?? "?"} {Score(d["score"])}")
                        .ToList();
                    var text = $"{items.Count} detection{(items.Count == 1 ? "" : "s")}" + (items.Count > 0 ? ": " + string.Join(", ", items) : "");
                    return Shorten(text, maxLength);
                }

                if ((string?)obj["output"] is { } output)
                {
                    return Shorten($"output {output}", maxLength);
                }
            }
        }
        catch (JsonException)
        {
        }
        catch (InvalidOperationException)
        {
        }

        return Shorten(result.ReplaceLineEndings(" "), maxLength);
    }

    private static string Score(JsonNode? score) =>
        score is JsonValue v && v.TryGetValue<double>(out var d) ? d.ToString("0.00", CultureInfo.InvariantCulture) : "?";

    private static string Shorten(string text, int max) => text.Length <= max ? text : text[..(max - 3)] + "...";
}
