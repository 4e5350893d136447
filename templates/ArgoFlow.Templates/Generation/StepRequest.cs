using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using ArgoFlow.Core.Catalog;
using ArgoFlow.Templates.Spec;

namespace ArgoFlow.Templates.Generation;

/// <summary>
/// The request one step sends, as the JSON object of its proto request (proto JSON names, catalogue order).
/// Inputs are the template's input parameters; a <c>params.NAME</c> value becomes a workflow parameter tag.
/// <see cref="RawFields"/> names the fields whose tag stands for a number, boolean or list, written unquoted in the
/// http body so the service reads the substituted value with its own type.
/// </summary>
internal sealed record StepRequest(JsonObject Body, IReadOnlySet<string> RawFields)
{
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static StepRequest For(PipelineStep step)
    {
        var body = new JsonObject();
        var raw = new HashSet<string>(StringComparer.Ordinal);
        foreach (var port in step.Type.Inputs.Where(p => step.Inputs.ContainsKey(p.Name)))
        {
            body[port.Field] = ArgoExpressions.InputParameter(port.Field);
        }

        foreach (var parameter in step.Type.Parameters)
        {
            if (!step.With.TryGetValue(parameter.Name, out var value) || value is null)
            {
                continue;
            }

            if (value is ParameterRef reference && parameter.Kind is not (ParameterKind.Text or ParameterKind.Choice))
            {
                raw.Add(parameter.Name);
            }

            body[parameter.Name] = ToJson(value);
        }

        return new StepRequest(body, raw);
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

    /// <summary>The body as compact JSON; raw fields are written without quotes around their tag.</summary>
    public string ToJsonText()
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, WriterOptions))
        {
            writer.WriteStartObject();
            foreach (var (name, node) in Body)
            {
                writer.WritePropertyName(name);
                if (RawFields.Contains(name))
                {
                    writer.WriteRawValue(node!.GetValue<string>(), skipInputValidation: true);
                }
                else
                {
                    node!.WriteTo(writer);
                }
            }

            writer.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }
}
