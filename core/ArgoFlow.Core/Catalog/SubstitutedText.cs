using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ArgoFlow.Core.Catalog;

/// <summary>
/// Reads a parameter value that Argo substituted as text. Argo replaces every <c>{{...}}</c> tag with text
/// (util/template upstream), so a number, boolean or list fed from a workflow parameter reaches the plugin request,
/// the http body's toJson tag, the container args and the fused request as a string: <c>"0.4"</c>, <c>"true"</c>,
/// <c>"[\"person\"]"</c>. Each is read here as the catalogue kind says. Lists are a JSON array or comma separated
/// (<c>person,car</c>); boxes a JSON array of <c>{x1, y1, x2, y2}</c> or <c>x1,y1,x2,y2</c> joined by ';'.
/// </summary>
public static class SubstitutedText
{
    private static readonly string[] BoxFields = ["x1", "y1", "x2", "y2"];

    /// <summary>The value as JSON of the parameter's kind, or null when the text cannot be read as that kind.</summary>
    public static JsonNode? Read(ParameterSpec parameter, string text)
    {
        ArgumentNullException.ThrowIfNull(parameter);
        ArgumentNullException.ThrowIfNull(text);
        var trimmed = text.Trim();
        return parameter.Kind switch
        {
            ParameterKind.Whole => long.TryParse(trimmed, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l)
                ? JsonValue.Create(l) : null,
            ParameterKind.Number => double.TryParse(trimmed, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && double.IsFinite(d)
                ? JsonValue.Create(d) : null,
            ParameterKind.Boolean => trimmed.ToUpperInvariant() switch
            {
                "TRUE" => JsonValue.Create(true),
                "FALSE" => JsonValue.Create(false),
                _ => null,
            },
            ParameterKind.TextList => trimmed.StartsWith('[') ? JsonArrayOf(trimmed, IsText) : Split(trimmed),
            ParameterKind.BoxList => trimmed.StartsWith('[') ? JsonArrayOf(trimmed, IsBox) : Boxes(trimmed),
            _ => JsonValue.Create(text),
        };
    }

    /// <summary>
    /// Replaces every string value of a non-text catalogue parameter in <paramref name="request"/> (proto JSON names)
    /// with its typed form. Returns one problem per value that cannot be read, naming the field and the text.
    /// </summary>
    public static IReadOnlyList<string> Normalize(StepType type, JsonObject request)
    {
        ArgumentNullException.ThrowIfNull(type);
        ArgumentNullException.ThrowIfNull(request);
        var problems = new List<string>();
        foreach (var parameter in type.Parameters.Where(p => p.Kind is not (ParameterKind.Text or ParameterKind.Choice)))
        {
            if (request[parameter.Name] is JsonValue value && value.TryGetValue<string>(out var text))
            {
                if (Read(parameter, text) is { } typed)
                {
                    request[parameter.Name] = typed;
                }
                else
                {
                    problems.Add($"{parameter.Name}: expected {parameter.Expected}, got '{text}'");
                }
            }
        }

        return problems;
    }

    private static JsonArray Split(string text) =>
        [.. text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(s => (JsonNode?)JsonValue.Create(s))];

    private static JsonArray? JsonArrayOf(string text, Func<JsonNode?, bool> itemOk)
    {
        try
        {
            return JsonNode.Parse(text) is JsonArray array && array.All(itemOk) ? array : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static bool IsText(JsonNode? node) => node is JsonValue v && v.GetValueKind() == JsonValueKind.String;

    private static bool IsBox(JsonNode? node) => node is JsonObject box && box.Count == BoxFields.Length &&
        BoxFields.All(f => box[f] is JsonValue v && v.GetValueKind() == JsonValueKind.Number);

    private static JsonArray? Boxes(string text)
    {
        var boxes = new JsonArray();
        foreach (var part in text.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var numbers = part.Split(',', StringSplitOptions.TrimEntries);
            var parsed = new double[numbers.Length];
            if (numbers.Length != BoxFields.Length || numbers.Where((n, i) =>
                    !double.TryParse(n, NumberStyles.Float, CultureInfo.InvariantCulture, out parsed[i]) || !double.IsFinite(parsed[i])).Any())
            {
                return null;
            }

            boxes.Add(new JsonObject(BoxFields.Select((f, i) => KeyValuePair.Create(f, (JsonNode?)JsonValue.Create(parsed[i])))));
        }

        return boxes;
    }
}
