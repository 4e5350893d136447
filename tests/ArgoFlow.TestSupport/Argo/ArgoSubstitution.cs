using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using ArgoFlow.Core.Expressions;

namespace ArgoFlow.TestSupport.Argo;

/// <summary>
/// Argo's substitution of a template (util/template upstream: simple_template.go, expression_template.go), done on
/// the template serialized as JSON, as Argo does it. A simple tag is looked up by its full name and inserted with
/// Go's string escaping; an expression tag is JSON-unescaped, parsed and evaluated with expr's grammar
/// (<see cref="ArgoExpression"/>) over the same names expanded into nested maps, and its result formatted with
/// <c>%v</c> and inserted with JSON escaping. <c>toJson</c>, <c>jsonpath</c> (<c>$.field</c> paths) and
/// <c>asInt</c> are the functions Argo adds that the generator uses. A tag that does not resolve throws.
/// </summary>
public sealed class ArgoSubstitution(IReadOnlyDictionary<string, string> values)
{
    private static readonly JsonSerializerOptions Go = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static readonly Dictionary<string, ExpressionFunction> Functions = new(StringComparer.Ordinal)
    {
        ["toJson"] = args => JsonSerializer.Serialize(args[0], Go),
        ["jsonpath"] = args => JsonPath((string)args[0]!, (string)args[1]!),
        ["asInt"] = args => long.Parse((string)args[0]!, System.Globalization.CultureInfo.InvariantCulture),
    };

    private readonly ExpressionEnvironment environment = new(Expand(values), Functions);

    /// <summary>The template with every tag replaced; the result parsed back as JSON.</summary>
    public JsonNode Apply(JsonNode template)
    {
        ArgumentNullException.ThrowIfNull(template);
        var text = template.ToJsonString(Go);
        var output = new StringBuilder(text.Length);
        var last = 0;
        foreach (var (tag, start, length) in ArgoTagScanner.Tags(text))
        {
            output.Append(text, last, start - last).Append(Replace(tag));
            last = start + length;
        }

        return JsonNode.Parse(output.Append(text, last, text.Length - last).ToString())!;
    }

    /// <summary>The value one expression yields, formatted as Argo inserts it (before JSON escaping).</summary>
    public string Evaluate(string expression)
    {
        var result = ArgoExpression.Evaluate(ArgoExpression.Parse(expression), environment)
            ?? throw new InvalidOperationException($"expression '{expression}' evaluated to nil");
        return result switch
        {
            bool b => b ? "true" : "false",
            IFormattable f => f.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
            _ => result.ToString()!,
        };
    }

    private string Replace(string tag)
    {
        if (tag.StartsWith('='))
        {
            var expression = JsonSerializer.Deserialize<string>("\"" + tag[1..] + "\"")!;
            return JsonSerializer.Serialize(Evaluate(expression), Go)[1..^1];
        }

        return values.TryGetValue(tag.Trim(), out var value)
            ? JsonSerializer.Serialize(value, Go)[1..^1]
            : throw new InvalidOperationException($"failed to resolve {{{{{tag}}}}}");
    }

    /// <summary>"a.b.c" = v becomes a -> b -> c = v, as Argo's expression environment sees its flat names.</summary>
    private static Dictionary<string, object?> Expand(IReadOnlyDictionary<string, string> flat)
    {
        var root = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var (name, value) in flat)
        {
            var parts = name.Split('.');
            var map = root;
            foreach (var part in parts[..^1])
            {
                map = map.TryGetValue(part, out var child) && child is Dictionary<string, object?> existing
                    ? existing
                    : (Dictionary<string, object?>)(map[part] = new Dictionary<string, object?>(StringComparer.Ordinal));
            }

            map[parts[^1]] = value;
        }

        return root;
    }

    private static string? JsonPath(string json, string path)
    {
        if (!path.StartsWith("$.", StringComparison.Ordinal))
        {
            throw new ExpressionFunctionException($"jsonpath: only $.field paths are simulated, got '{path}'");
        }

        return JsonNode.Parse(json)?[path[2..]] is JsonValue v ? v.ToString() : null;
    }
}
