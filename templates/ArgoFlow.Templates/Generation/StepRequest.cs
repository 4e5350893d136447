using System.Text.Json.Nodes;
using ArgoFlow.Core.Catalog;
using ArgoFlow.Templates.Spec;

namespace ArgoFlow.Templates.Generation;

/// <summary>
/// The request one step sends, as the JSON object of its proto request (proto JSON names, catalogue order).
/// Inputs are the template's input parameters; a <c>params.NAME</c> value becomes a workflow parameter tag.
/// <see cref="Body"/> holds simple tags as JSON strings (the plugin and container forms, where Argo substitutes
/// inside a YAML value). <see cref="HttpTags"/> says what the http body writes instead, unquoted, for each field
/// whose value comes from a parameter: a <c>toJson</c> expression, so the body stays JSON whatever the parameter
/// holds. Every form therefore carries such values as text, and the receivers read the text as the catalogue's type
/// (<see cref="ArgoFlow.Core.Catalog.SubstitutedText"/>: the services' JSON routes, the plugin sidecar, `argoflow step`).
/// </summary>
internal sealed record StepRequest(JsonObject Body, IReadOnlyDictionary<string, string> HttpTags)
{
    public static StepRequest For(PipelineStep step)
    {
        var body = new JsonObject();
        var httpTags = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var port in step.Type.Inputs.Where(p => step.Inputs.ContainsKey(p.Name)))
        {
            body[port.Field] = ArgoExpressions.InputParameter(port.Field);
            httpTags[port.Field] = ArgoExpressions.InputParameterAsJson(port.Field);
        }

        foreach (var parameter in step.Type.Parameters)
        {
            if (!step.With.TryGetValue(parameter.Name, out var value) || value is null)
            {
                continue;
            }

            if (value is ParameterRef reference)
            {
                httpTags[parameter.Name] = ArgoExpressions.WorkflowParameterAsJson(reference.Name);
            }

            body[parameter.Name] = ToJson(value);
        }

        return new StepRequest(body, httpTags);
    }

    public static JsonNode ToJson(object value) => value switch
    {
        long l => JsonValue.Create(l),
        double d => JsonValue.Create(d),
        bool b => JsonValue.Create(b),
        string s => JsonValue.Create(s),
        ParameterRef p => JsonValue.Create(ArgoExpressions.WorkflowParameter(p.Name)),
        IEnumerable<string> list => new JsonArray([.. list.Select(x => (JsonNode?)JsonValue.Create(x))]),
        IEnumerable<BoxValue> boxes => new JsonArray([.. boxes.Select(b => (JsonNode?)new JsonObject
        {
            ["x1"] = b.X1, ["y1"] = b.Y1, ["x2"] = b.X2, ["y2"] = b.Y2,
        })]),
        _ => throw new InvalidOperationException($"unexpected parameter value type {value.GetType().Name}"),
    };

    /// <summary>The http body as compact JSON, with <see cref="HttpTags"/> in place of the parameter fields.</summary>
    public string ToJsonText() => HttpBodyText.Write(writer =>
    {
        writer.WriteStartObject();
        foreach (var (name, node) in Body)
        {
            writer.WritePropertyName(name);
            if (HttpTags.TryGetValue(name, out var tag))
            {
                writer.WriteTag(tag);
            }
            else
            {
                node!.WriteTo(writer);
            }
        }

        writer.WriteEndObject();
    });
}
